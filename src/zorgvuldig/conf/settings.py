# SPDX-License-Identifier: EUPL-1.2
"""Settings, read from the environment with safe defaults.

Development (the default) runs on an embedded SQLite database under ``var/``. Production sets
``DJANGO_DEBUG=false``, ``DJANGO_SECRET_KEY``, ``ZORGVULDIG_MASTER_KEY``, ``DJANGO_ALLOWED_HOSTS``
and ``DATABASE_URL=postgres://...``; ``zorgvuldig check --deploy`` then reports nothing.
"""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ZORGVULDIG_VAR_DIR", Path.cwd() / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [v.strip() for v in os.environ.get(name, default).split(",") if v.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)


def _development_secret(filename: str) -> str:
    """A random secret kept under var/, for a development machine only."""
    path = VAR_DIR / filename
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


_DEVELOPMENT = env_bool("ZORGVULDIG_DEVELOPMENT", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    _development_secret("secret.key") if _DEVELOPMENT else ""
)
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when ZORGVULDIG_DEVELOPMENT is false")

# Keys for field encryption, the BSN search index, subject pseudonyms and the log's hash chain
# are derived from this master key (HKDF). Previous master keys still decrypt (key rotation).
ZORGVULDIG_MASTER_KEY = os.environ.get("ZORGVULDIG_MASTER_KEY") or (
    _development_secret("master.key") if _DEVELOPMENT else ""
)
if not ZORGVULDIG_MASTER_KEY:
    raise RuntimeError("ZORGVULDIG_MASTER_KEY must be set when ZORGVULDIG_DEVELOPMENT is false")
ZORGVULDIG_PREVIOUS_MASTER_KEYS = env_list("ZORGVULDIG_PREVIOUS_MASTER_KEYS")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # art3.2b: who gets in: a second factor (an authenticator app, recovery codes), a lockout
    # after repeated failures, and a Content Security Policy (decision 19)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    # the resident's own view signs in with DigiD (django-digid-eherkenning, decision 25); its
    # models need the certificate manager, private media and singletons
    "digid_eherkenning",
    "simple_certmanager",
    "privates",
    "solo",
    "zorgvuldig.core",
    "zorgvuldig.partners",
    "zorgvuldig.clients",
    "zorgvuldig.dossier",
    "zorgvuldig.consent",
    "zorgvuldig.exchange",
    "zorgvuldig.processing_log",
    "zorgvuldig.rights",
    "zorgvuldig.retention",
    "zorgvuldig.incidents",
    "zorgvuldig.api",
    "zorgvuldig.webhooks",
    "zorgvuldig.web",
    "zorgvuldig.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "zorgvuldig.web.signin.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "zorgvuldig.api.middleware.ApiResponseMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "zorgvuldig.web.signin.middleware.VerifiedSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "zorgvuldig.gate.guard.GateGuardMiddleware",
    # last, as django-axes asks: turns a locked-out sign-in into the login page saying so
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zorgvuldig.conf.urls"
WSGI_APPLICATION = "zorgvuldig.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# DATABASE_URL=postgres://user@host:5432/name runs on PostgreSQL (production); the default is
# the embedded SQLite database under var/.
_SQLITE_DEFAULT = f"sqlite:///{VAR_DIR / 'zorgvuldig.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _SQLITE_DEFAULT))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so that concurrent requests wait
    # (busy timeout) instead of failing with "database is locked" halfway a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Parameters are bound on the server and a statement run 5 times on a connection is
    # prepared there: PostgreSQL then no longer plans the gate's statements again and again,
    # which cost more than running them (decision 7). Behind a pooler in transaction mode
    # without support for prepared statements (PgBouncer before 1.21), set
    # DATABASE_PREPARE_THRESHOLD=off.
    _threshold = os.environ.get("DATABASE_PREPARE_THRESHOLD", "5")
    if _threshold != "off" and not _threshold.isdigit():
        raise RuntimeError("DATABASE_PREPARE_THRESHOLD must be a whole number, or off")
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": None if _threshold == "off" else int(_threshold),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# art3.2b: passwords are hashed with Argon2 (argon2id); a hash made by an older hasher below is
# still checked and is replaced by an Argon2 hash at the next successful login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# django-axes watches every sign-in first (it refuses one that is locked out), then Django
# checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

# A signed consent form (art4.4, at most 10 MB) is kept in memory while it is uploaded, so that
# it never lands unencrypted in a temporary file (art3.2b).
FILE_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024

# Sessions and cookies: short-lived, secure when served over HTTPS (production). A session ends
# after ZORGVULDIG_SESSION_IDLE_MINUTES without a request (every request saves it and so moves
# its end on), and when the browser closes (art3.2b).
SESSION_COOKIE_AGE = 60 * int(os.environ.get("ZORGVULDIG_SESSION_IDLE_MINUTES", "15"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
_HTTPS = env_bool("ZORGVULDIG_HTTPS", not _DEVELOPMENT)
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_SSL_REDIRECT = _HTTPS
SECURE_HSTS_SECONDS = 31536000 if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
SECURE_HSTS_PRELOAD = _HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if _HTTPS:
    # __Host- cookies are only accepted over HTTPS, for this host and path /: no other site or
    # subdomain can set or overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# The Content Security Policy (django-csp): everything from this host only, no inline scripts
# or styles (the templates have none: a script or style is a static file), no plugins, and no
# framing (art3.2b). Images may also be data: URIs (the API documentation's icons).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# art3.2b, the second factor (django-otp, decision 19): every user signs in with a password and
# then a code from an authenticator app (TOTP) or one of their recovery codes; the app shows
# this name for the account.
OTP_TOTP_ISSUER = os.environ.get("ZORGVULDIG_OTP_ISSUER", "zorgvuldig")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# art3.2b, the lockout (django-axes): after ZORGVULDIG_LOGIN_FAILURE_LIMIT failed passwords or
# codes for one username from one address, that username cannot sign in from there for
# ZORGVULDIG_LOGIN_COOLOFF_MINUTES; attempts in that time are refused and do not extend it.
# Failures are forgotten only after a complete sign-in (password and code), not after the
# password alone, so that the second factor cannot be guessed by logging in again.
AXES_FAILURE_LIMIT = int(os.environ.get("ZORGVULDIG_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("ZORGVULDIG_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = False
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "zorgvuldig.web.views.auth.locked_out"
# axes' own log lines name the username only (no address or browser), like ours
AXES_CLIENT_STR_CALLABLE = "zorgvuldig.web.signin.lockout.client_str"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "zorgvuldig.web.signin.lockout.client_ip"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "code"]
# Behind this many reverse proxies (which each append to X-Forwarded-For), the client's address
# is the one the outermost proxy saw; 0 takes the connection's own address.
ZORGVULDIG_TRUSTED_PROXIES = int(os.environ.get("ZORGVULDIG_TRUSTED_PROXIES", "0"))
# A sign-in through the identity provider is not a guess at a password of ours: axes neither
# counts nor refuses it (the second factor after it is counted per username as always).
AXES_WHITELIST_CALLABLE = "zorgvuldig.web.signin.oidc.is_provider_sign_in"

# art3.2b, signing in through the municipality's identity provider with OpenID Connect
# (mozilla-django-oidc, decision 24): on when ZORGVULDIG_OIDC_CLIENT_ID is set, off (the login
# page as before, its URLs answer 404) when not. The authorization-code flow with PKCE, state
# and nonce; the ID token's signature (the provider's JWKS), issuer and audience are checked.
# The claim ZORGVULDIG_OIDC_EMAIL_CLAIM is matched with the e-mail address of the user of an
# active employee; anyone else is refused and nobody is ever created. The second factor is
# still asked, unless the ID token's `amr` holds one of ZORGVULDIG_OIDC_TRUSTED_AMR.
OIDC_RP_CLIENT_ID = os.environ.get("ZORGVULDIG_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("ZORGVULDIG_OIDC_CLIENT_SECRET", "")
ZORGVULDIG_OIDC_ISSUER = os.environ.get("ZORGVULDIG_OIDC_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("ZORGVULDIG_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("ZORGVULDIG_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("ZORGVULDIG_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("ZORGVULDIG_OIDC_JWKS_ENDPOINT", "")
if OIDC_RP_CLIENT_ID:
    _oidc_urls = {
        "ZORGVULDIG_OIDC_ISSUER": ZORGVULDIG_OIDC_ISSUER,
        "ZORGVULDIG_OIDC_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
        "ZORGVULDIG_OIDC_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
        "ZORGVULDIG_OIDC_USERINFO_ENDPOINT": OIDC_OP_USER_ENDPOINT,
        "ZORGVULDIG_OIDC_JWKS_ENDPOINT": OIDC_OP_JWKS_ENDPOINT,
    }
    _missing = [name for name, value in _oidc_urls.items() if not value]
    if not OIDC_RP_CLIENT_SECRET:
        _missing.append("ZORGVULDIG_OIDC_CLIENT_SECRET")
    if _missing:
        raise RuntimeError(f"ZORGVULDIG_OIDC_CLIENT_ID is set, so set {', '.join(_missing)} too")
    if not _DEVELOPMENT and not all(url.startswith("https://") for url in _oidc_urls.values()):
        raise RuntimeError("The issuer and endpoints in ZORGVULDIG_OIDC_* must use https")
    AUTHENTICATION_BACKENDS.append("zorgvuldig.web.signin.oidc.EmployeeBackend")
# the name on the login page's button, "Inloggen met <name>"
ZORGVULDIG_OIDC_PROVIDER_NAME = os.environ.get("ZORGVULDIG_OIDC_PROVIDER_NAME", "")
OIDC_RP_SCOPES = os.environ.get("ZORGVULDIG_OIDC_SCOPES", "openid email")
OIDC_RP_SIGN_ALGO = os.environ.get("ZORGVULDIG_OIDC_SIGN_ALGORITHM", "RS256")
ZORGVULDIG_OIDC_EMAIL_CLAIM = os.environ.get("ZORGVULDIG_OIDC_EMAIL_CLAIM", "email")
ZORGVULDIG_OIDC_TRUSTED_AMR = env_list("ZORGVULDIG_OIDC_TRUSTED_AMR")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "web:oidc_callback"
LOGIN_REDIRECT_URL_FAILURE = "web:login"


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ZORGVULDIG_LOG_LEVEL", "INFO")},
}

# The processing log's hash chains: records are spread over this many chains by a hash of the
# data subject's pseudonym, so that concurrent processings do not queue behind one lock.
ZORGVULDIG_LOG_CHAINS = int(os.environ.get("ZORGVULDIG_LOG_CHAINS", "16"))
# Every process that appends binds all chain heads together in an anchor this often (0: off).
ZORGVULDIG_LOG_ANCHOR_SECONDS = int(os.environ.get("ZORGVULDIG_LOG_ANCHOR_SECONDS", "60"))

# Identity of this service in the processing log (Logboek Dataverwerkingen "resource").
ZORGVULDIG_SERVICE_NAME = os.environ.get("ZORGVULDIG_SERVICE_NAME", "zorgvuldig")

# Background work (webhook deliveries, ...) runs through Django's task framework with the
# database backend: a task is a row committed with the transaction that enqueued it, done by
# `zorgvuldig db_worker`; no broker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Where the web pages are, for links in e-mails (e.g. the reminders about requests of data
# subjects): scheme and host, e.g. https://zorgvuldig.heuvelrug.nl; empty gives a bare path.
ZORGVULDIG_SITE_URL = os.environ.get("ZORGVULDIG_SITE_URL", "").rstrip("/")

# Webhook URLs use https; plain http only to these hosts (e.g. a receiver on the same network).
ZORGVULDIG_WEBHOOK_HTTP_HOSTS = env_list("ZORGVULDIG_WEBHOOK_HTTP_HOSTS")

# art5.2: an approved destruction list waits this many days before it may be carried out; in
# that time it can still be returned to its author (decision 17).
ZORGVULDIG_DESTRUCTION_COOLING_OFF_DAYS = int(
    os.environ.get("ZORGVULDIG_DESTRUCTION_COOLING_OFF_DAYS", "7")
)
# how many clients a run of a destruction list destroys in one transaction
# API tokens (art3.2c, AVG art. 32): valid this many days when made (at most the maximum), and
# at most this many requests per token per minute (a shared cache counts them: the database).
ZORGVULDIG_API_TOKEN_DAYS = int(os.environ.get("ZORGVULDIG_API_TOKEN_DAYS", "365"))
ZORGVULDIG_API_TOKEN_MAX_DAYS = int(os.environ.get("ZORGVULDIG_API_TOKEN_MAX_DAYS", "730"))
ZORGVULDIG_API_RATE_PER_MINUTE = int(os.environ.get("ZORGVULDIG_API_RATE_PER_MINUTE", "600"))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "zorgvuldig_cache",
    }
}

# The municipalities on whose behalf support is given (CBS gemeentecode=name, comma-separated);
# the first is a new trajectory's default. A trajectory keeps its municipality, and the
# anonymised statistics of art5.2 count by it.
ZORGVULDIG_MUNICIPALITIES = dict(
    item.split("=", 1)
    for item in env_list("ZORGVULDIG_MUNICIPALITIES") or ["1581=Utrechtse Heuvelrug"]
)
ZORGVULDIG_DESTRUCTION_BATCH = int(os.environ.get("ZORGVULDIG_DESTRUCTION_BATCH", "200"))

# art3.2c, breaking the glass (decision 23): an emergency access to one client lasts this many
# hours; the privacy officer reviews each use within this many days, and whoever has a use whose
# review is overdue cannot break the glass again until it is reviewed.
ZORGVULDIG_EMERGENCY_ACCESS_HOURS = int(os.environ.get("ZORGVULDIG_EMERGENCY_ACCESS_HOURS", "2"))
ZORGVULDIG_EMERGENCY_REVIEW_DAYS = int(os.environ.get("ZORGVULDIG_EMERGENCY_REVIEW_DAYS", "5"))
# The resident's own view (/mijn/, decision 25): residents sign in with DigiD. Without a
# connection to DigiD (development, the demo, the tests) the library's own DigiD mock stands
# in: a page where a BSN is typed. Off in production unless ZORGVULDIG_DIGID_MOCK=true.
ZORGVULDIG_DIGID_MOCK = env_bool("ZORGVULDIG_DIGID_MOCK", _DEVELOPMENT)
# The real DigiD (SAML, the HTTP-Artifact binding) through django-digid-eherkenning: its
# login view and assertion consumer service at /mijn/digid/ and /mijn/digid/acs/, configured
# in the admin (DigiD configuration: the service provider's certificate and key, DigiD's
# metadata). Off unless ZORGVULDIG_DIGID=true; when on, the sign-in page uses it, not the mock.
ZORGVULDIG_DIGID = env_bool("ZORGVULDIG_DIGID", False)
DIGID_MOCK_APP_TITLE = "zorgvuldig: Mijn gegevens"
DIGID_MOCK_RETURN_URL = "/mijn/"
DIGID_MOCK_CANCEL_URL = "/mijn/inloggen/"
DIGID_MOCK_IDP_VALIDATE_CALLBACK_URLS = True
# A resident's sign-in ends after this many minutes without a request, and at the latest this
# many minutes after it began (DigiD asks sessions of at most 15 minutes idle).
ZORGVULDIG_RESIDENT_IDLE_MINUTES = int(os.environ.get("ZORGVULDIG_RESIDENT_IDLE_MINUTES", "15"))
ZORGVULDIG_RESIDENT_MAX_MINUTES = int(os.environ.get("ZORGVULDIG_RESIDENT_MAX_MINUTES", "60"))
# how often the open page asks for new processings (web/static/web/resident.js)
ZORGVULDIG_RESIDENT_POLL_SECONDS = int(os.environ.get("ZORGVULDIG_RESIDENT_POLL_SECONDS", "10"))
# django-privates (certificates of django-digid-eherkenning's configuration): never served
PRIVATE_MEDIA_ROOT = str(VAR_DIR / "private-media")
PRIVATE_MEDIA_URL = "/private-media/"
