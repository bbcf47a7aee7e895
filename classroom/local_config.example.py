"""Your hub's login: copy this file to classroom/local_config.py (ignored by git) and edit the copy.

jupyterhub_config.py reads local_config.py in real use and refuses to start without it. Choose
ONE login below, uncomment it, fill in your university's values and delete the SystemExit line.
Secrets (client secrets, bind passwords) are read from the environment of the hub's systemd
service, never written here: for example in ``/etc/systemd/system/jupyterhub.service.d/secrets.conf``
with ``[Service]`` and ``Environment=OAUTH_CLIENT_SECRET=...`` (mode 600, owned by root).

Install the package of the login you choose into the hub's environment, with an exact version
(those below are the versions current when this guide was written; check the package's page):

    oauthenticator==17.4.0                 (OpenID Connect, OAuth 2: Entra ID, Google, Keycloak, ...)
    jupyterhub-ltiauthenticator==1.6.3     (LTI 1.3 launches from Moodle, Canvas, Blackboard, Open edX)
    jupyterhub-ldapauthenticator==2.0.2    (the university directory, LDAP or Active Directory)

NEVER use nqp_testonly_auth.TestOnlyAuthenticator here: it is for `make classroom-test` only,
and jupyterhub_config.py refuses to start a real hub with it.
"""

import os  # noqa: F401  (the examples below read secrets from the environment)

c = get_config()  # noqa: F821

raise SystemExit("classroom/local_config.py: choose a login below and delete this line")

# --- 1. The university's single sign-on (OpenID Connect), e.g. Keycloak, Shibboleth-OIDC, Entra ID ---
# c.JupyterHub.authenticator_class = "generic-oauth"
# c.GenericOAuthenticator.client_id = os.environ["OAUTH_CLIENT_ID"]
# c.GenericOAuthenticator.client_secret = os.environ["OAUTH_CLIENT_SECRET"]
# c.GenericOAuthenticator.oauth_callback_url = "https://hub.example.edu/hub/oauth_callback"
# c.GenericOAuthenticator.authorize_url = "https://login.example.edu/realms/uni/protocol/openid-connect/auth"
# c.GenericOAuthenticator.token_url = "https://login.example.edu/realms/uni/protocol/openid-connect/token"
# c.GenericOAuthenticator.userdata_url = "https://login.example.edu/realms/uni/protocol/openid-connect/userinfo"
# c.GenericOAuthenticator.scope = ["openid", "profile", "email"]
# c.GenericOAuthenticator.username_claim = "preferred_username"
# # who may log in: the class list (or, with your provider's group claim, allowed_groups)
# c.GenericOAuthenticator.allowed_users = set(
#     open("/srv/nqp-hub/class-list.txt", encoding="utf-8").read().split()
# )
# c.GenericOAuthenticator.admin_users = {"instructor-id"}

# --- 2. A launch from the learning management system (LTI 1.3) ---
# c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
# c.LTI13Authenticator.issuer = "https://moodle.example.edu"
# c.LTI13Authenticator.client_id = [os.environ["LTI_CLIENT_ID"]]
# c.LTI13Authenticator.authorize_url = "https://moodle.example.edu/mod/lti/auth.php"
# c.LTI13Authenticator.jwks_endpoint = "https://moodle.example.edu/mod/lti/certs.php"
# c.LTI13Authenticator.username_key = "email"
# c.Authenticator.allow_all = True  # the LMS decides who may launch

# --- 3. The university directory (LDAP / Active Directory) ---
# c.JupyterHub.authenticator_class = "ldapauthenticator.LDAPAuthenticator"
# c.LDAPAuthenticator.server_address = "ldap.example.edu"
# c.LDAPAuthenticator.tls_strategy = "on_connect"
# c.LDAPAuthenticator.bind_dn_template = ["uid={username},ou=people,dc=example,dc=edu"]
# c.LDAPAuthenticator.allowed_groups = ["cn=econ-seminar,ou=groups,dc=example,dc=edu"]
# c.SystemdSpawner.dynamic_users = True  # students have no account on this server
