import { z } from 'zod';
import { safeText } from './safe-text';

/** Longest team name, in characters. */
export const MAX_TEAM_NAME_LENGTH = 80;

/** A team of operators; an inbox may be opened to it. */
export interface TeamDto {
  id: string;
  name: string;
  /** Operator ids, sorted. */
  memberIds: string[];
  createdAt: string;
}

/**
 * Who may work an inbox besides admins. Both empty: every operator of the account may (the
 * default, so installations from before teams keep working); otherwise only these.
 */
export interface InboxAccessDto {
  inboxId: string;
  operatorIds: string[];
  teamIds: string[];
}

const teamName = () =>
  safeText()
    .trim()
    .min(1, 'Team name must not be empty')
    .max(MAX_TEAM_NAME_LENGTH, `Team name is longer than ${MAX_TEAM_NAME_LENGTH} characters`);

const idList = () => z.array(z.string().uuid()).max(1000);

export const createTeamRequestSchema = z.object({ name: teamName() }).strict();
export type CreateTeamRequest = z.infer<typeof createTeamRequestSchema>;

export const renameTeamRequestSchema = z.object({ name: teamName() }).strict();
export type RenameTeamRequest = z.infer<typeof renameTeamRequestSchema>;

export const setTeamMembersRequestSchema = z.object({ operatorIds: idList() }).strict();
export type SetTeamMembersRequest = z.infer<typeof setTeamMembersRequestSchema>;

export const setInboxAccessRequestSchema = z
  .object({ operatorIds: idList(), teamIds: idList() })
  .strict();
export type SetInboxAccessRequest = z.infer<typeof setInboxAccessRequestSchema>;
