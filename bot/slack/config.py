"""The Slack deployment as the app needs it, checked once from :class:`bot.config.Settings`."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import ConfigError, Settings


@dataclass(frozen=True, slots=True)
class SlackConfig:
    mode: str
    bot_token: str = ""
    app_token: str = ""
    signing_secret: str = ""
    client_id: str = ""
    client_secret: str = ""
    base_url: str = ""
    host: str = "0.0.0.0"
    port: int = 3000
    path: str = "/slack/events"
    install_path: str = "/slack/install"
    redirect_path: str = "/slack/oauth_redirect"
    redirect_uri: str = ""
    scopes: tuple[str, ...] = ()

    @property
    def multi_workspace(self) -> bool:
        return bool(self.client_id and self.client_secret)


def slack_configured(settings: Settings) -> bool:
    """Whether this deployment talks to Slack at all."""
    secrets = settings.secrets
    return bool(secrets.slack_bot_token or secrets.slack_client_id)


def slack_config(settings: Settings) -> SlackConfig:
    """The checked config; :class:`ConfigError` names what is missing for the chosen mode."""
    secrets, slack = settings.secrets, settings.slack
    config = SlackConfig(
        mode=slack.mode,
        bot_token=secrets.slack_bot_token,
        app_token=secrets.slack_app_token,
        signing_secret=secrets.slack_signing_secret,
        client_id=secrets.slack_client_id,
        client_secret=secrets.slack_client_secret,
        base_url=secrets.slack_api_base_url,
        host=slack.host,
        port=int(secrets.port) if secrets.port else slack.port,
        path=slack.path,
        install_path=slack.install_path,
        redirect_path=slack.redirect_path,
        redirect_uri=slack.redirect_uri,
        scopes=slack.scopes,
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
