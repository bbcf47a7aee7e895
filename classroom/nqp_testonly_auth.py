"""TEST ONLY: the authenticator of ``make classroom-test``. NEVER USE IT FOR A REAL CLASS.

It logs in the throw-away users that the test creates, each with a random password made at
run time and kept only as a salted SHA-256 hash in a root-only file that the test deletes at the
end. It exists so that the test can log in over HTTP exactly as a student does (the login form,
with its XSRF token), without any real account. A real hub authenticates students against the
university (OAuthenticator, LTI or LDAP: see ``classroom/README.md``).

It refuses to start unless the environment says ``NQP_CLASSROOM_TEST=1`` and the hub listens on
127.0.0.1 only, so a copied configuration cannot open a public hub with it by accident.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

from jupyterhub.auth import Authenticator
from traitlets import Unicode

TEST_FLAG = "NQP_CLASSROOM_TEST"


def hash_password(salt, password):
    """Salted SHA-256 of a password, as stored in the passwords file."""
    return hashlib.sha256(bytes.fromhex(salt) + password.encode()).hexdigest()


def refuse_unless_test(bind_url=None):
    """Raise unless this is the automated test on loopback (the two guards of this module)."""
    if os.environ.get(TEST_FLAG) != "1":
        raise RuntimeError(
            f"TestOnlyAuthenticator is for `make classroom-test` only and is refused without {TEST_FLAG}=1. "
            "For a real class use your university's login (see classroom/README.md)."
        )
    if bind_url is not None and urlsplit(bind_url).hostname != "127.0.0.1":
        raise RuntimeError(f"TestOnlyAuthenticator only runs on a hub bound to 127.0.0.1; got {bind_url!r}")


class TestOnlyAuthenticator(Authenticator):
    """TEST ONLY. Checks a name and password against the hashes in ``passwords_file``.

    The file, written by the test, is ``{"salt": <hex>, "users": {name: sha256-hex}}``; the
    users listed there are the only ones allowed in.
    """

    passwords_file = Unicode("", help="JSON file of salted password hashes, written by the test.").tag(
        config=True
    )

    def __init__(self, **kwargs):
        refuse_unless_test()
        super().__init__(**kwargs)
        refuse_unless_test(getattr(self.parent, "bind_url", None))
        self.log.warning("TestOnlyAuthenticator in use: this hub is a throw-away test, not for students")

    def _table(self):
        return json.loads(Path(self.passwords_file).read_text(encoding="utf-8"))

    def check_allow_config(self):
        super().check_allow_config()
        if not self.passwords_file or not Path(self.passwords_file).exists():
            raise RuntimeError("TestOnlyAuthenticator needs passwords_file, written by classroom_test.py")

    async def authenticate(self, handler, data):
        table = self._table()
        name = data.get("username", "")
        stored = table["users"].get(name)
        if stored is None:
            return None
        given = hash_password(table["salt"], data.get("password", ""))
        return name if hmac.compare_digest(given, stored) else None
