import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { PageContent, type PageContentView } from './page-content.tsx';

/** A county's public page: breadcrumbs (the start page, then the pages above), the title, its content. */
export function PublicSitePage({
  ctx,
  breadcrumbs,
  content,
}: {
  ctx: PageContext;
  breadcrumbs: Array<{ href: string; label: string }>;
  content: PageContentView;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={content.title} breadcrumbs={breadcrumbs}>
      <PageContent view={content} />
    </Layout>
  );
}
