import type { Decision } from '../../../../platform/authz.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import { Tag } from '../../../../ui/components.tsx';
import { councilStatusLabels } from '../../labels.ts';
import type { CouncilStatus } from '../../lifecycle.ts';
import type { LogoView } from '../../logos.ts';

/** The county a council page is in, as the pages name and address it. */
export type CountyOf = Pick<CountyRecord, 'code' | 'name' | 'slug'>;

export function CouncilStatusTag({ status }: { status: CouncilStatus }): JSX.Element {
  return (
    <Tag
      text={councilStatusLabels[status]}
      colour={status === 'active' ? 'green' : status === 'merged' ? 'blue' : 'grey'}
    />
  );
}

/** A member's logo, named for screen readers by its organisation. */
export function MemberLogo({ logo, organisation }: { logo: LogoView; organisation: string }): JSX.Element {
  return (
    <img
      class="sv-logo"
      src={logo.src}
      alt={`Logotyp: ${organisation}`}
      width={logo.width ? String(logo.width) : undefined}
      height={logo.height ? String(logo.height) : undefined}
      loading="lazy"
    />
  );
}

/** Why a change cannot be made now (the council has ended), where its button would be; nothing for a role. */
export function StateReason({ decision }: { decision: Decision }): JSX.Element {
  if (decision.allowed || decision.refusal !== 'state') return <></>;
  return (
    <p class="govuk-body" safe>
      {decision.reason}
    </p>
  );
}
