"""Building the Bolt ``AsyncApp``: one workspace by token, or many through the OAuth install."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

from bot.slack.client import SEND_TIMEOUT_SECONDS, web_client
from bot.slack.config import SlackConfig
from bot.slack.installations import DbInstallationStore, DbOAuthStateStore


def build_app(
    config: SlackConfig,
    installations: DbInstallationStore | None = None,
    states: DbOAuthStateStore | None = None,
    send_timeout: float = SEND_TIMEOUT_SECONDS,
) -> AsyncApp:
    """The app; with ``config.multi_workspace`` the stores must be given. Its Web API calls
    wait ``send_timeout`` seconds for an answer (``delivery.send_timeout_seconds``)."""
    verify = config.mode == "http"
    # In HTTP mode the front door has already acknowledged; Bolt then runs each listener to its
    # end, so the answer queue's workers bound the work. Socket Mode acks through Bolt.
    process_before_response = verify
    logger = logging.getLogger("slack_bolt")
    if not config.multi_workspace:
        return AsyncApp(
            name="briefbot",
            logger=logger,
            client=web_client(config.base_url, config.bot_token, send_timeout),
            signing_secret=config.signing_secret,
            request_verification_enabled=verify,
            process_before_response=process_before_response,
        )
    if installations is None or states is None:
        raise ValueError("a multi-workspace Slack app needs installation and state stores")
    oauth = AsyncOAuthSettings(
        client_id=config.client_id,
        client_secret=config.client_secret,
        scopes=list(config.scopes),
        install_path=config.install_path,
        redirect_uri_path=config.redirect_path,
        redirect_uri=config.redirect_uri or None,
        installation_store=installations,
        installation_store_bot_only=True,
        state_store=states,
        logger=logger,
    )
    app = AsyncApp(
        name="briefbot",
        logger=logger,
        # No token: every request is authorized with its workspace's installed token.
        client=web_client(config.base_url, send_timeout=send_timeout),
        signing_secret=config.signing_secret,
        request_verification_enabled=verify,
        process_before_response=process_before_response,
        oauth_settings=oauth,
        installation_store_bot_only=True,
    )
    app.enable_token_revocation_listeners()
    return app
