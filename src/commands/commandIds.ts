/**
 * The id of every command the extension contributes (package.json `contributes.commands`), written
 * once: code registers, runs and links commands through these names only. The manifest unit test
 * checks both ways that this table and package.json list the same commands. The ids are public
 * (users bind keys to them), so a value never changes.
 */
export const CommandId = {
  signIn: 'webex.signIn',
  signOut: 'webex.signOut',
  switchAccount: 'webex.switchAccount',
  refresh: 'webex.refresh',
  showUnread: 'webex.showUnread',
  createSpace: 'webex.createSpace',
  createTeam: 'webex.createTeam',
  renameSpace: 'webex.renameSpace',
  leaveSpace: 'webex.leaveSpace',
  openSpace: 'webex.openSpace',
  postMessage: 'webex.postMessage',
  directMessage: 'webex.directMessage',
  sendSelection: 'webex.sendSelection',
  sendFile: 'webex.sendFile',
  addMember: 'webex.addMember',
  addMemberToSelection: 'webex.addMemberToSelection',
  removeMember: 'webex.removeMember',
  makeModerator: 'webex.makeModerator',
  unmakeModerator: 'webex.unmakeModerator',
  filterSpaces: 'webex.filterSpaces',
  clearSpacesFilter: 'webex.clearSpacesFilter',
  loadMoreSpaces: 'webex.loadMoreSpaces',
  copyTrackingId: 'webex.copyTrackingId',
  sendSelectionAsReply: 'webex.sendSelectionAsReply',
  sendChanges: 'webex.sendChanges',
  createWebhook: 'webex.createWebhook',
  editWebhook: 'webex.editWebhook',
  deleteWebhook: 'webex.deleteWebhook',
  reactivateWebhook: 'webex.reactivateWebhook',
  copyWebhookId: 'webex.copyWebhookId',
  refreshWebhooks: 'webex.refreshWebhooks',
  loadMoreWebhooks: 'webex.loadMoreWebhooks',
  listenForWebhooks: 'webex.listenForWebhooks',
  stopListeningForWebhooks: 'webex.stopListeningForWebhooks',
  clearWebhookEvents: 'webex.clearWebhookEvents',
  openWebhookRequest: 'webex.openWebhookRequest',
  fetchWebhookResource: 'webex.fetchWebhookResource',
  replayWebhookEvent: 'webex.replayWebhookEvent',
  openInWebexApp: 'webex.openInWebexApp',
  copyMeetingLink: 'webex.copyMeetingLink',
} as const;

/** One of the contributed command ids. */
export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
