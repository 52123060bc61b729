/**
 * The one rule for failures that mean "the session ended": the user signed out meanwhile, Webex
 * refused the access token, or an OAuth refresh was refused. The session alone acts on them (it
 * refreshes, or signs the account out and asks once to sign in again); views show the signed-out
 * welcome and the error reporter stays quiet instead of checking status codes themselves.
 */
import { isUnauthorized } from '../webex/errors';
import { SignInRequiredError } from '../webex/oauth/tokenRefresher';
import { SignedOutError } from '../services/sidebar/spacesStore';

/** True for a failure the session is already handling with its one "sign in again" prompt. */
export function endsSession(error: unknown): boolean {
  return error instanceof SignedOutError || error instanceof SignInRequiredError || isUnauthorized(error);
}
