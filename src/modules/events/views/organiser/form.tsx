import type { PageContext } from '../../../../ui/context.ts';
import {
  Checkbox,
  Choices,
  ErrorSummary,
  FileUpload,
  PostForm,
  Select,
  TextArea,
  TextInput,
  type FormState,
  type Option,
} from '../../../../ui/components.tsx';
import { Layout } from '../../../../ui/layout.tsx';
import type { EventImagePreview } from '../../files.ts';
import { placeKindLabels, programmeItemKindLabels } from '../../labels.ts';
import { EVENT_LIMITS } from '../../schemas.ts';
import { placeKinds, programmeItemKinds } from '../../tables.ts';
import { CONTACT_PARTS, field, rowCounts, type ContactPart } from '../../routes/organiser-form.ts';
import type { CountyOf } from './parts.tsx';

const L = EVENT_LIMITS;

/** A submit button of the form other than saving: add or remove a row (nothing is saved). */
function RowButton({
  intent,
  text,
  id,
  small = false,
  focus,
}: {
  intent: string;
  text: string;
  id?: string;
  /** a removal: a small button beside what it removes */
  small?: boolean;
  focus: string | undefined;
}): JSX.Element {
  return (
    <button
      type="submit"
      class={`govuk-button govuk-button--secondary${small ? ' sv-small-button' : ''}`}
      name="intent"
      value={intent}
      id={id}
      autofocus={id !== undefined && focus === id}
      safe
    >
      {text}
    </button>
  );
}

function ProgrammeItem({
  i,
  speakers,
  form,
  focus,
}: {
  i: number;
  speakers: number;
  form: FormState;
  focus: string | undefined;
}): JSX.Element {
  const n = i + 1;
  return (
    <div class="sv-measure" id={`programme-${i}`}>
      <h3 class="govuk-heading-s" safe>{`Programpunkt ${n}`}</h3>
      <TextInput
        name={field.item(i, 'time')}
        label={`Tid för programpunkt ${n}`}
        hint="Som TT.MM, till exempel 13.45. En annan dag än starten: 2026-06-16 09.00"
        width="govuk-input--width-10"
        autofocus={focus === field.item(i, 'time')}
        form={form}
      />
      <TextInput
        name={field.item(i, 'title')}
        label={`Rubrik för programpunkt ${n}`}
        maxLength={L.programmeTitle}
        form={form}
      />
      <Select
        name={field.item(i, 'kind')}
        label={`Slag av programpunkt ${n}`}
        options={programmeItemKinds.map((k) => ({ value: k, label: programmeItemKindLabels[k] }))}
        form={form}
      />
      {Array.from({ length: speakers }, (_, j) => (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
            {`Talare ${j + 1} i programpunkt ${n}`}
          </legend>
          <div class="sv-option-row">
            <TextInput
              name={field.speaker(i, j, 'name')}
              label="Namn"
              autofocus={focus === field.speaker(i, j, 'name')}
              form={form}
            />
            <TextInput name={field.speaker(i, j, 'title')} label="Titel" form={form} />
            <TextInput name={field.speaker(i, j, 'organisation')} label="Organisation" form={form} />
          </div>
          <RowButton
            intent={`remove-speaker:${i}:${j}`}
            text={`Ta bort talare ${j + 1} i programpunkt ${n}`}
            small
            focus={focus}
          />
        </fieldset>
      ))}
      <div class="govuk-button-group">
        {speakers < L.speakers ? (
          <RowButton
            intent={`add-speaker:${i}`}
            id={`add-speaker-${i}`}
            text={`Lägg till en talare i programpunkt ${n}`}
            focus={focus}
          />
        ) : (
          ''
        )}
        <RowButton intent={`remove-item:${i}`} text={`Ta bort programpunkt ${n}`} focus={focus} />
      </div>
    </div>
  );
}

/**
 * The event's image: the one it has (a small copy, its name, a box to remove it), a file field to choose one
 * (PNG or JPEG, checked on the server by its content) and its alt text. The image's id rides in a hidden
 * field, so a form shown again after an error keeps an image just chosen.
 */
function ImageFields({
  image,
  form,
}: {
  image: { preview: EventImagePreview | undefined; maxMegabytes: number };
  form: FormState;
}): JSX.Element {
  const { preview } = image;
  return (
    <>
      <input type="hidden" name="imageRef" value={form.values.imageRef ?? ''} />
      {preview ? (
        <div class="sv-event-image-preview">
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">Bild</p>
          <figure class="sv-event-image">
            <img src={preview.src} alt={form.values.imageAlt || 'Bilden saknar alternativtext'} />
            <figcaption class="govuk-hint" safe>
              {preview.name}
            </figcaption>
          </figure>
          <Checkbox name="removeImage" label="Ta bort bilden" form={form} />
        </div>
      ) : (
        ''
      )}
      <FileUpload
        name="image"
        label={preview ? 'Byt bild (valfritt)' : 'Bild (valfritt)'}
        hint={`En PNG- eller JPEG-bild, högst ${image.maxMegabytes} MB. Den visas överst på evenemangets sida.`}
        accept="image/png,image/jpeg"
        form={form}
      />
      <TextInput
        name="imageAlt"
        label="Alternativtext för bilden"
        hint="Beskriv vad bilden visar för den som inte kan se den. Krävs när evenemanget har en bild."
        maxLength={L.imageAlt}
        form={form}
      />
    </>
  );
}

const contactLabels: Record<ContactPart, string> = {
  name: 'Namn',
  organisation: 'Organisation',
  email: 'E-postadress',
  phone: 'Telefon',
};

/**
 * Creating or changing an event: every field of it, its programme and contacts as rows added and removed by
 * submit buttons (the form comes back with the row and the focus on it; nothing is saved until the save
 * button). Messages stand beside their fields and everything typed is kept.
 */
export function EventFormPage({
  ctx,
  county,
  form,
  action,
  title,
  back,
  organisations,
  series,
  focus,
  submitText,
  image,
  questionnaires = [],
}: {
  ctx: PageContext;
  county: CountyOf;
  form: FormState;
  action: string;
  title: string;
  back: Array<{ href: string; label: string }>;
  /** the county's organisations that may organise (the county board and the region first) */
  organisations: Option[];
  series: Option[];
  /** the field or button to put the focus on (after a row was added or removed) */
  focus?: string | undefined;
  submitText: string;
  /** the image the event has (or was just given, kept for the form), and the largest file taken */
  image: { preview: EventImagePreview | undefined; maxMegabytes: number };
  /** the county's questionnaires for the registration questions (the newest version of each, and the chosen one) */
  questionnaires?: Option[];
}): JSX.Element {
  const counts = rowCounts(form.values);
  return (
    <Layout ctx={ctx} title={title} caption={county.name} breadcrumbs={back}>
      <ErrorSummary errors={form.errors} />
      <PostForm action={action} csrfToken={ctx.csrfToken} uploads>
        {/* Enter in a field saves: the form's first submit button is its default one. */}
        <button
          type="submit"
          name="intent"
          value="save"
          class="govuk-visually-hidden"
          tabindex="-1"
          aria-hidden="true"
          safe
        >
          {submitText}
        </button>
        {form.values.version !== undefined ? (
          <input type="hidden" name="version" value={form.values.version} />
        ) : (
          ''
        )}
        <h2 class="govuk-heading-m">Om evenemanget</h2>
        <TextInput name="title" label="Rubrik" maxLength={L.title} form={form} />
        <TextArea
          name="summary"
          label="Ingress"
          hint="Några meningar som sammanfattar evenemanget. Visas först på evenemangets sida och i kalendern."
          rows={3}
          maxLength={L.summary}
          form={form}
        />
        <TextArea
          name="description"
          label="Beskrivning"
          hint="Du kan använda Markdown: en tom rad mellan stycken, **fetstil**, listor med - och länkar som [text](https://exempel.se)."
          rows={10}
          maxLength={L.description}
          form={form}
        />
        <ImageFields image={image} form={form} />
        <TextArea name="targetGroup" label="Målgrupp" rows={3} maxLength={L.targetGroup} form={form} />
        <TextInput
          name="themes"
          label="Teman"
          hint="Skilj teman åt med kommatecken, till exempel Jämställdhet, Mänskliga rättigheter"
          form={form}
        />
        <Select
          name="seriesId"
          label="Föreläsningsserie"
          placeholder="Ingen serie"
          options={series}
          form={form}
        />
        <Choices
          name="organisationIds"
          label="Arrangörer"
          hint="Välj en eller flera av länets organisationer."
          multiple
          options={organisations}
          form={form}
        />

        <h2 class="govuk-heading-m">Tid</h2>
        <p class="govuk-body">Svensk tid.</p>
        <TextInput
          name="startDate"
          label="Datum (ÅÅÅÅ-MM-DD)"
          hint="Till exempel 2026-06-15"
          width="govuk-input--width-10"
          form={form}
        />
        <TextInput
          name="startTime"
          label="Börjar klockan"
          hint="Som TT.MM, till exempel 12.30"
          width="govuk-input--width-4"
          form={form}
        />
        <TextInput
          name="endTime"
          label="Slutar klockan"
          hint="Som TT.MM, till exempel 15.45"
          width="govuk-input--width-4"
          form={form}
        />
        <TextInput
          name="endDate"
          label="Slutdatum (ÅÅÅÅ-MM-DD), om det slutar en annan dag"
          hint="Lämna tomt om evenemanget slutar samma dag"
          width="govuk-input--width-10"
          form={form}
        />

        <h2 class="govuk-heading-m">Plats</h2>
        <Choices
          name="placeKind"
          label="På plats eller digitalt"
          options={placeKinds.map((k) => ({ value: k, label: placeKindLabels[k] }))}
          form={form}
        />
        <TextArea
          name="address"
          label="Adress"
          hint="Var evenemanget hålls. För ett digitalt möte kan du skriva vilket verktyg, till exempel Teams."
          rows={2}
          maxLength={L.address}
          form={form}
        />
        <TextInput
          name="meetingLink"
          label="Möteslänk för ett digitalt möte"
          hint="Skickas bara till de anmälda, aldrig på den offentliga sidan."
          type="url"
          form={form}
        />
        <TextArea
          name="practicalInfo"
          label="Praktisk information"
          hint="Skickas till de anmälda tillsammans med möteslänken."
          rows={4}
          maxLength={L.practicalInfo}
          form={form}
        />
        <TextInput
          name="joiningInfoHoursBefore"
          label="Hur många timmar före start länken och den praktiska informationen skickas"
          type="number"
          width="govuk-input--width-4"
          form={form}
        />

        <h2 class="govuk-heading-m">Kostnad och platser</h2>
        <Choices
          name="costKind"
          label="Kostnad"
          options={[
            { value: 'free', label: 'Gratis' },
            { value: 'amount', label: 'Kostar (ange belopp nedan)' },
          ]}
          form={form}
        />
        <TextInput
          name="costAmount"
          label="Belopp i kronor"
          hint="Till exempel 450 eller 99,50"
          width="govuk-input--width-10"
          form={form}
        />
        <TextInput
          name="capacity"
          label="Antal platser"
          hint="Lämna tomt för obegränsat antal. När platserna är slut hamnar nya anmälningar på en väntelista."
          type="number"
          width="govuk-input--width-4"
          form={form}
        />

        <h2 class="govuk-heading-m">Anmälan</h2>
        <TextInput
          name="registrationOpens"
          label="Anmälan öppnar (ÅÅÅÅ-MM-DD)"
          hint="Anmälan öppnar klockan 00.00 den dagen. Lämna tomt för att öppna anmälan när evenemanget publiceras."
          width="govuk-input--width-10"
          form={form}
        />
        <TextInput
          name="registrationLastDay"
          label="Sista anmälningsdag (ÅÅÅÅ-MM-DD)"
          hint="Anmälan stänger klockan 23.59 svensk tid den dagen"
          width="govuk-input--width-10"
          form={form}
        />
        {/* The event's own registration questions, built with the forms capability (questions.ts). */}
        <Select
          name="questionnaireVersionId"
          label="Frågor vid anmälan (frivilligt)"
          hint="Egna frågor som de anmälda svarar på, till exempel om specialkost och tillgänglighet. Länets formulär byggs under Formulär på sidan Evenemang."
          placeholder="Inga egna frågor"
          options={questionnaires}
          form={form}
        />

        <h2 class="govuk-heading-m" id="programme">
          Program
        </h2>
        <p class="govuk-body">
          Programpunkter med tid, rubrik och talare. Tomma programpunkter och talare sparas inte.
        </p>
        {Array.from({ length: counts.items }, (_, i) => (
          <ProgrammeItem i={i} speakers={counts.speakers[i] ?? 0} form={form} focus={focus} />
        ))}
        {counts.items < L.programme ? (
          <RowButton intent="add-item" id="add-item" text="Lägg till en programpunkt" focus={focus} />
        ) : (
          ''
        )}

        <h2 class="govuk-heading-m" id="contacts">
          Kontaktpersoner
        </h2>
        {Array.from({ length: counts.contacts }, (_, i) => (
          <fieldset class="govuk-fieldset sv-measure">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
              {`Kontaktperson ${i + 1}`}
            </legend>
            {CONTACT_PARTS.map((p) => (
              <TextInput
                name={field.contact(i, p)}
                label={contactLabels[p]}
                type={p === 'email' ? 'email' : p === 'phone' ? 'tel' : 'text'}
                autofocus={focus === field.contact(i, p)}
                form={form}
              />
            ))}
            <RowButton
              intent={`remove-contact:${i}`}
              text={`Ta bort kontaktperson ${i + 1}`}
              small
              focus={focus}
            />
          </fieldset>
        ))}
        {counts.contacts < L.contacts ? (
          <RowButton intent="add-contact" id="add-contact" text="Lägg till en kontaktperson" focus={focus} />
        ) : (
          ''
        )}

        <div class="govuk-button-group govuk-!-margin-top-6">
          <button type="submit" class="govuk-button" name="intent" value="save" safe>
            {submitText}
          </button>
          <a class="govuk-link" href={back[back.length - 1]!.href}>
            Avbryt
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}
