"""The Slack deployment as the app needs it, checked once from :class:`bot.config.Settings`."""

from __future__ import annotations

import dataclasses

from bot.config import ConfigError, Settings, SlackSettings

# One Slack settings type: the ``[slack]`` section with the credentials filled in.
SlackConfig = SlackSettings


def slack_configured(settings: Settings) -> bool:
    """Whether this deployment talks to Slack at all."""
    secrets = settings.secrets
    return bool(secrets.slack_bot_token or secrets.slack_client_id)


def slack_config(settings: Settings) -> SlackConfig:
    """The checked config; :class:`ConfigError` names what is missing for the chosen mode."""
    secrets, slack = settings.secrets, settings.slack
    config = dataclasses.replace(
        slack,
        bot_token=secrets.slack_bot_token,
        app_token=secrets.slack_app_token,
        signing_secret=secrets.slack_signing_secret,
        client_id=secrets.slack_client_id,
        client_secret=secrets.slack_client_secret,
        base_url=secrets.slack_api_base_url,
        port=int(secrets.port) if secrets.port else slack.port,
    )
    _check(config)
    return config


def _check(config: SlackConfig) -> None:
    if bool(config.client_id) != bool(config.client_secret):
        raise ConfigError("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together")
    if config.mode == "http":
        if not config.signing_secret:
            raise ConfigError('slack.mode = "http" needs SLACK_SIGNING_SECRET')
        if not (config.bot_token or config.multi_workspace):
            raise ConfigError("Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID/SECRET to install")
        return
    if config.multi_workspace:
        raise ConfigError(
            'installing in many workspaces (SLACK_CLIENT_ID) needs slack.mode = "http"'
        )
    if not config.app_token:
        raise ConfigError('slack.mode = "socket" needs SLACK_APP_TOKEN (an xapp- token)')
    if not config.bot_token:
        raise ConfigError('slack.mode = "socket" needs SLACK_BOT_TOKEN')
