import type { ImageSources } from '../../../platform/files.ts';
import { formatDay } from '../../../platform/i18n.ts';
import { safeMarkdown } from '../../../platform/markdown.ts';
import type { ContactView } from '../contacts-view.ts';

/** A page's content as the public sees it, and as the preview shows what would be published. */
export interface PageContentView {
  title: string;
  summary: string;
  /** Markdown; sanitised when shown */
  body: string;
  image: (ImageSources & { alt: string }) | undefined;
  /** the images the body may show (the page's attached images), by file id */
  bodyImages: ReadonlyMap<string, ImageSources>;
  files: Array<{ title: string; url: string; kind: string; size: number }>;
  contacts: ContactView[];
  /** public pages only */
  related: Array<{ title: string; summary: string; href: string }>;
  children: Array<{ title: string; summary: string; href: string }>;
  /** ÅÅÅÅ-MM-DD */
  lastReviewedOn: string | null;
}

const sizeText = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('sv-SE')} kB`
    : `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/** One contact: name, role, e-mail and phone as links. */
export function ContactCard({ contact }: { contact: ContactView }): JSX.Element {
  return (
    <li class="govuk-!-margin-bottom-4">
      <strong safe>{contact.name}</strong>
      {contact.role ? (
        <>
          <br />
          <span safe>{contact.role}</span>
        </>
      ) : (
        ''
      )}
      {contact.email ? (
        <>
          <br />
          <a class="govuk-link" href={`mailto:${contact.email}`} safe>
            {contact.email}
          </a>
        </>
      ) : (
        ''
      )}
      {contact.phone ? (
        <>
          <br />
          <a class="govuk-link" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} safe>
            {contact.phone}
          </a>
        </>
      ) : (
        ''
      )}
    </li>
  );
}

/** The page's content below its h1 (the Layout's): summary, image, body, files, contacts, links, review date. */
export function PageContent({ view }: { view: PageContentView }): JSX.Element {
  return (
    <div class="govuk-grid-row sv-page-content">
      <div class="govuk-grid-column-two-thirds">
        {view.summary ? (
          <p class="govuk-body-l" safe>
            {view.summary}
          </p>
        ) : (
          ''
        )}
        {view.image ? (
          <img
            class="sv-page-image"
            {...{
              src: view.image.src,
              srcset: view.image.srcset,
              sizes: '(min-width: 641px) 640px, 100vw',
              width: String(view.image.width),
              height: String(view.image.height),
            }}
            alt={view.image.alt}
          />
        ) : (
          ''
        )}
        {safeMarkdown(view.body, { images: (id) => view.bodyImages.get(id) })}
        {view.children.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Mer om ämnet</h2>
            <ul class="govuk-list">
              {view.children.map((c) => (
                <li>
                  <a class="govuk-link" href={c.href} safe>
                    {c.title}
                  </a>
                  {c.summary ? (
                    <p class="govuk-body-s" safe>
                      {c.summary}
                    </p>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        {view.files.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Dokument</h2>
            <ul class="govuk-list">
              {view.files.map((f) => (
                <li>
                  <a class="govuk-link" href={f.url} safe>
                    {f.title}
                  </a>{' '}
                  <span class="govuk-body-s" safe>{`(${f.kind}, ${sizeText(f.size)})`}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        {view.lastReviewedOn ? (
          <p class="govuk-body-s" safe>
            {`Senast granskad ${formatDay(view.lastReviewedOn)}`}
          </p>
        ) : (
          ''
        )}
      </div>
      <aside class="govuk-grid-column-one-third">
        {view.contacts.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Kontakt</h2>
            <ul class="govuk-list">
              {view.contacts.map((c) => (
                <ContactCard contact={c} />
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        {view.related.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Relaterade sidor</h2>
            <ul class="govuk-list">
              {view.related.map((r) => (
                <li>
                  <a class="govuk-link" href={r.href} safe>
                    {r.title}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
      </aside>
    </div>
  );
}
