/* global window, document, fetch, URL */
/**
 * The fake Teams web client, in the browser: frames the tab and answers @microsoft/teams-js's postMessage
 * protocol the way Teams does (teams-js 2.x, node_modules/@microsoft/teams-js/dist/esm/.../communication.js):
 *
 *   tab → host  { id, uuidAsString, func, args, timestamp, apiVersionTag, … }   (a request)
 *   host → tab  { id, uuidAsString, args }                                      (its response)
 *   host → tab  { func, args }                                                  (an event, e.g. themeChange)
 *
 * Answered: initialize, getContext, authentication.getAuthToken. registerHandler is noted (Teams never
 * answers it); anything else gets no answer, as an unsupported capability. Messages from any window but the
 * framed tab, or from another origin, are ignored. Tests read `window.fakeTeamsHost`.
 */
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('host-config').textContent);
  const tabOrigin = new URL(config.tabUrl).origin;
  const frame = document.createElement('iframe');
  frame.title = 'PMO Hub';
  frame.name = 'embedded-page-container';
  frame.src = config.tabUrl;
  document.getElementById('app-frame').appendChild(frame);

  const state = {
    theme: config.context.theme,
    /** Every request the tab sent: { func, args, apiVersionTag }. */
    received: [],
    /** Messages refused because of their source or origin. */
    ignored: [],
    /** Events the tab registered handlers for (registerHandler). */
    handlers: [],
    /** Tokens handed out by getAuthToken. */
    tokensIssued: 0,
  };

  // What Teams reports it supports: enough for a content tab (teams-js checks `supports` before some calls).
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appInitialization: {},
      authentication: {},
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      teamsCore: {},
    },
  };

  function send(message) {
    frame.contentWindow.postMessage(message, tabOrigin);
  }

  function respond(request, args) {
    send({ id: request.id, uuidAsString: request.uuidAsString, args: args, timestamp: Date.now() });
  }

  // The context Teams sends: teams-js 2.x maps these (v1-shaped) fields into app.getContext()'s object.
  function context() {
    const c = config.context;
    return {
      entityId: c.entityId,
      subEntityId: c.subEntityId,
      locale: c.locale,
      osLocaleInfo: { platform: 'web', regionalFormat: c.locale },
      theme: state.theme,
      frameContext: 'content',
      hostClientType: c.hostClientType,
      hostName: 'Teams',
      appSessionId: c.appSessionId,
      sessionId: c.sessionId,
      ringId: 'general',
      isFullScreen: false,
      isMultiWindow: false,
      userObjectId: c.user.id,
      userPrincipalName: c.user.email,
      loginHint: c.user.email,
      tid: c.tenantId,
      userLicenseType: 'Unknown',
      appLaunchId: c.appLaunchId,
    };
  }

  async function getAuthToken(request) {
    try {
      const res = await fetch(config.tokenPath, { method: 'POST' });
      if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
      const body = await res.json();
      state.tokensIssued += 1;
      respond(request, [true, body.token]);
    } catch (err) {
      respond(request, [false, String(err)]);
    }
  }

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== tabOrigin) {
      state.ignored.push({ origin: event.origin, func: event.data && event.data.func });
      return;
    }
    const request = event.data;
    if (
      !request ||
      typeof request !== 'object' ||
      typeof request.func !== 'string' ||
      typeof request.id !== 'number'
    )
      return;
    state.received.push({ func: request.func, args: request.args, apiVersionTag: request.apiVersionTag });
    switch (request.func) {
      case 'initialize':
        // [frame context, host client type, runtime config (JSON), the SDK version the host supports]
        respond(request, ['content', config.context.hostClientType, JSON.stringify(runtime), '2.58.0']);
        break;
      case 'getContext':
        respond(request, [context()]);
        break;
      case 'authentication.getAuthToken':
        void getAuthToken(request);
        break;
      case 'registerHandler':
        state.handlers.push(request.args[0]);
        break;
      default:
        // Not a capability this host offers: Teams leaves such a request unanswered.
        break;
    }
  });

  window.fakeTeamsHost = {
    state: state,
    /** Teams' theme switch: pushes the event to the tab as Teams does (whether or not it registered). */
    setTheme(theme) {
      state.theme = theme;
      document.body.dataset.theme = theme;
      send({ func: 'themeChange', args: [theme] });
    },
    funcs() {
      return state.received.map((m) => m.func);
    },
  };
})();
