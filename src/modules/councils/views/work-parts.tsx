import type { Children } from '@kitajs/html';
import type { Decision } from '../../../platform/authz.ts';

/**
 * A part of a work-room page only its admin uses (planning a meeting, recording a decision, adding a document):
 * the section with its heading when the rule allows, the reason in its place when the state forbids, nothing
 * for someone without the role.
 */
export function AdminSection({
  decision,
  id,
  heading,
  children,
}: {
  decision: Decision;
  id: string;
  heading: string;
  children: Children;
}): JSX.Element {
  if (decision.allowed)
    return (
      <section aria-labelledby={id}>
        <h2 class="govuk-heading-m" id={id} safe>
          {heading}
        </h2>
        {children}
      </section>
    );
  return <Refusal decision={decision} />;
}

/** Why an action is not offered now, where its button would be (a missing role says nothing). */
export function Refusal({ decision }: { decision: Decision }): JSX.Element {
  return decision.allowed || decision.refusal !== 'state' ? (
    <></>
  ) : (
    <p class="govuk-body govuk-hint" safe>
      {decision.reason}
    </p>
  );
}
