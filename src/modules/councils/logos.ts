import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../../platform/authz.ts';
import { ValidationError } from '../../platform/errors.ts';
import {
  fileUrl,
  IMAGE_KINDS,
  isEmptyUpload,
  type FileOwner,
  type FileRow,
  type Files,
} from '../../platform/files.ts';
import { uploadOf } from '../../platform/uploads.ts';
import { councilsPolicy } from './policy.ts';
import * as repo from './repository.ts';

/** The owner kind of a member's logo in the platform's file store (named after the table that holds it). */
export const MEMBER_LOGO_OWNER = 'council_members';

/** What a member's logo may be: a PNG or a JPEG, checked by its bytes. */
export const MEMBER_LOGO = { field: 'logo', kinds: IMAGE_KINDS, name: 'Logotypen' } as const;

/**
 * A member's logo is public while it is the member's logo (the council's public page shows it, also an
 * ended council's history); a replaced one is let go of and seen by nobody. The county's admins see what
 * they uploaded before it is attached.
 */
export const memberLogoOwner: FileOwner = {
  async isPublic(db, file) {
    const member = await repo.findMemberByLogo(db, file.id);
    return !!member && member.id === file.ownerId;
  },
  async mayView(_db, file, actor) {
    return (
      file.countyCode !== null && councilsPolicy['council.manage'](actor, { countyCode: file.countyCode })
    );
  },
};

/**
 * The logo chosen in a posted form, checked by its content and staged for the actor (the service attaches it
 * to the member). No file chosen, or one that is not a PNG or JPEG: a ValidationError beside the field.
 */
export async function stageMemberLogo(
  files: Files,
  req: FastifyRequest,
  actor: UserActor,
  countyCode: string,
): Promise<FileRow> {
  const upload = uploadOf(req, MEMBER_LOGO.field);
  if (!upload || isEmptyUpload(upload))
    throw new ValidationError({ [MEMBER_LOGO.field]: 'Välj en bild med logotypen' });
  return files.stage(upload, {
    ...MEMBER_LOGO,
    ownerKind: MEMBER_LOGO_OWNER,
    countyCode,
    actorId: actor.id,
    public: true,
  });
}

/** A logo as a page shows it: the narrowest stored copy that is wide enough, with its size. */
export interface LogoView {
  src: string;
  width: number | null;
  height: number | null;
}

export function logoView(file: FileRow): LogoView {
  return {
    src: fileUrl(file, file.variantWidths.includes(480) ? 'w480' : 'original'),
    width: file.width,
    height: file.height,
  };
}
