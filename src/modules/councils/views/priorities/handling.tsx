import {
  Button,
  Choices,
  ErrorSummary,
  PostForm,
  Select,
  TextArea,
  type FormState,
} from '../../../../ui/components.tsx';
import { handlingStateLabels } from '../../labels.ts';
import type { HandlingMatrix } from '../../priorities.ts';
import { handlingStates } from '../../tables.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { Refusal, memberOptions, type RoomPage } from './parts.tsx';

/**
 * How each member organisation handles each priority in its own governance (seed 003), as one table for
 * everyone in the room; the form answers for the organisations the viewer may answer for.
 */
export function HandlingPage(
  p: RoomPage & {
    matrix: HandlingMatrix;
    /** the organisations the viewer may answer for (every member for the admin, their own for a member) */
    answerFor: string[];
    form: FormState;
  },
): JSX.Element {
  const { county, council, matrix } = p;
  const own = matrix.members.filter((m) => p.answerFor.includes(m.organisationId));
  return (
    <CouncilRoom
      ctx={p.ctx}
      county={county}
      council={council}
      part="priorities"
      title="Medlemmarnas hantering"
    >
      <ErrorSummary errors={p.form.errors} />
      <p class="govuk-body">
        Varje medlemsorganisation fattar egna beslut om hur den hanterar rådets prioriteringar i sin ordinarie
        styrning.
      </p>
      {matrix.priorities.length === 0 ? (
        <p class="govuk-body">Rådet har inga samverkansområden ännu.</p>
      ) : (
        <div class="sv-table-scroll">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">
              Hur medlemsorganisationerna hanterar samverkansområdena
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Organisation
                </th>
                {matrix.priorities.map((pr) => (
                  <th scope="col" class="govuk-table__header" safe>
                    {pr.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {matrix.members.map((m) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header" safe>
                    {m.name}
                  </th>
                  {matrix.priorities.map((pr) => {
                    const a = matrix.answerOf(m.organisationId, pr.id);
                    return (
                      <td class="govuk-table__cell">
                        {a ? (
                          <>
                            <strong safe>{handlingStateLabels[a.state]}</strong>
                            {a.comment ? (
                              <p class="govuk-body-s govuk-!-margin-0" safe>
                                {a.comment}
                              </p>
                            ) : (
                              ''
                            )}
                          </>
                        ) : (
                          <span class="sv-muted">Inte besvarat</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {own.length > 0 && matrix.priorities.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Ange hur organisationen hanterar ett område</h2>
          <PostForm action={urls.handling(county.slug, council.slug)} csrfToken={p.ctx.csrfToken}>
            <Select name="organisationId" label="Organisation" form={p.form} options={memberOptions(own)} />
            <Select
              name="priorityId"
              label="Samverkansområde"
              form={p.form}
              options={matrix.priorities.map((pr) => ({ value: pr.id, label: pr.name }))}
            />
            <Choices
              name="state"
              label="Hantering"
              form={p.form}
              options={handlingStates.map((s) => ({ value: s, label: handlingStateLabels[s] }))}
            />
            <TextArea name="comment" label="Kommentar" form={p.form} maxLength={2_000} />
            <Button>Spara</Button>
          </PostForm>
        </>
      ) : (
        <Refusal editing={p.editing} />
      )}
    </CouncilRoom>
  );
}
