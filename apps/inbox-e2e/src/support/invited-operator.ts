import type { InvitationDto, LoginResponseDto, UpdateProfileRequest } from '@switchboard/contracts';
import { ApiClient } from '@switchboard/testing';

export interface InvitedOperator {
  name: string;
  email: string;
  password: string;
  /** Signed in as this operator (bearer), for profile changes through the API. */
  client: ApiClient;
}

/**
 * A colleague the admin invited, who accepted and set their profile: the way a real operator
 * arrives, through the same routes the invitation page and the profile dialog use.
 */
export async function inviteOperator(
  admin: ApiClient,
  person: { name: string; email: string },
  profile: UpdateProfileRequest,
): Promise<InvitedOperator> {
  const invitation = await admin.ok<InvitationDto>('POST', '/api/invitations', {
    email: person.email,
    role: 'admin',
  });
  const token = new URL(invitation.acceptUrl, admin.baseUrl).hash.replace(/^#token=/, '');
  const password = `pw-${person.email}-long`;
  const login = await new ApiClient(admin.baseUrl).ok<LoginResponseDto>(
    'POST',
    '/api/invitations/accept',
    { token, name: person.name, password, session: 'bearer' },
  );
  const client = admin.withToken(login.token);
  await client.ok('PATCH', '/api/operators/me', profile);
  return { ...person, password, client };
}
