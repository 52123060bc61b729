/** The API console's public names, apart so the loader can use them without loading the console. */
export const REQUEST_LANGUAGE = 'webex-request';
export const RESPONSE_SCHEME = 'webex-response';
