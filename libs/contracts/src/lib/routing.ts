import { z } from 'zod';
import type { ActorRef } from './activities';
import type { IsoDateTime } from './dtos';
import type { PresenceStatus } from './enums';

/*
 * Fair routing: per team, round-robin among the members who are available (presence online and
 * at least one live operator socket), each under a maximum of open assigned conversations; when
 * nobody has room, conversations wait in the team's queue in arrival order.
 */

export const MIN_OPEN_PER_OPERATOR = 1;
export const MAX_OPEN_PER_OPERATOR = 500;
export const DEFAULT_MAX_OPEN_PER_OPERATOR = 10;

const maxOpen = () =>
  z
    .number()
    .int('must be a whole number')
    .min(MIN_OPEN_PER_OPERATOR, `must be at least ${MIN_OPEN_PER_OPERATOR}`)
    .max(MAX_OPEN_PER_OPERATOR, `must be at most ${MAX_OPEN_PER_OPERATOR}`);

/** `PUT /api/routing/teams/:teamId` (admins): the whole routing setting of one team. */
export const updateTeamRoutingRequestSchema = z
  .object({
    roundRobin: z.boolean(),
    maxOpenPerOperator: maxOpen(),
    /** Going away hands the member's open unanswered conversations of this team back to its queue. */
    handBackOnAway: z.boolean().default(false),
    /** Per-member maximum; null (or absent) uses the team's. */
    memberMaxOpen: z
      .array(z.object({ operatorId: z.string().uuid(), maxOpen: maxOpen().nullable() }).strict())
      .max(MAX_OPEN_PER_OPERATOR)
      .default([]),
  })
  .strict();
export type UpdateTeamRoutingRequest = z.input<typeof updateTeamRoutingRequestSchema>;

/** A team member as routing sees them. */
export interface RoutingMemberDto {
  operatorId: string;
  name: string;
  /** The member's own maximum, or null when the team's applies. */
  maxOpen: number | null;
  /** The maximum that applies: `maxOpen ?? team.maxOpenPerOperator`. */
  effectiveMaxOpen: number;
  /** Open conversations assigned to them (any inbox). */
  openAssigned: number;
  /** Presence online and at least one live operator socket. */
  available: boolean;
}

export interface TeamRoutingDto {
  teamId: string;
  teamName: string;
  roundRobin: boolean;
  maxOpenPerOperator: number;
  handBackOnAway: boolean;
  members: RoutingMemberDto[];
  /** Conversations waiting in the team's queue. */
  queued: number;
}

/** One conversation waiting in a team's queue (`GET /api/routing/queue`), oldest first. */
export interface RoutingQueueEntryDto {
  conversationId: string;
  number: number;
  teamId: string;
  teamName: string;
  /** 1 = next to be assigned in its team. */
  position: number;
  enqueuedAt: IsoDateTime;
  contactName: string | null;
  preview: string | null;
}

/** `GET /api/routing/operators`: every active operator with their load, for the people screen. */
export interface RoutingOperatorLoadDto {
  operatorId: string;
  name: string;
  presence: PresenceStatus;
  /** At least one live operator socket on any instance. */
  connected: boolean;
  available: boolean;
  openAssigned: number;
  /** The smallest maximum among their round-robin teams; null outside any routed team. */
  maxOpen: number | null;
}

/** `POST /api/routing/hand-back`: the caller goes away and their unanswered work goes back. */
export interface HandBackResultDto {
  handedBack: number;
}

/** What `RoundRobinService.route` did with one conversation. */
export type RouteResult =
  { status: 'assigned'; operator: ActorRef } | { status: 'queued'; position: number };
