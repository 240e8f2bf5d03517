"""Every page asks the policy through one decorator.

`guard` loads the object a URL points at from what the user may see (outsiders get
404), asks the policy for the permission on it (members without the right get 403),
and records both on the view so that the test walking every URL knows what to expect.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

Loader = Callable[..., Model | None]


@dataclass(frozen=True)
class Guard:
    permission: str
    load: Loader | None = None

    def target(self, user: Any, **kwargs: Any) -> Model | None:
        """The object the URL points at; raises Http404 outside the user's scope."""
        return self.load(user, **kwargs) if self.load else None

    def allows(self, user: Any, target: Model | None) -> bool:
        return user.has_perm(self.permission, target)


def guard(permission: str, load: Loader | None = None) -> Callable:
    policy = Guard(permission, load)

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def guarded(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            target = policy.target(user, **kwargs)
            if not policy.allows(user, target):
                raise PermissionDenied
            if target is None:
                return view(request)
            return view(request, target)

        guarded.guard = policy  # type: ignore[attr-defined]
        return guarded

    return decorate
