"""The account page for personal API tokens: make one (its key shown once), see
them, revoke one."""

import uuid
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.forms import apply_errors
from buurtwerkkamer.core.guards import guard

from .models import ApiToken, User
from .tokens import issue_token, revoke_token


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. the program that uses it."),
    )
    days = forms.IntegerField(
        label=gettext_lazy("Valid for (days)"),
        min_value=1,
        max_value=settings.BWK_API_TOKEN_MAX_DAYS,
        initial=settings.BWK_API_TOKEN_DAYS,
    )


@guard("core.view_dashboard")
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's tokens and a form for a new one; a new key is in the answer to
    the POST only."""
    form = TokenForm(request.POST or None)
    key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, key = issue_token(request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            form = TokenForm()
    tokens = ApiToken.objects.filter(user=cast(User, request.user))
    context = {
        "form": form,
        "key": key,
        "page": Paginator(tokens, 50).get_page(request.GET.get("page")),
        "now": timezone.now(),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "accounts/api_tokens.html", context, status=status)


def own_token(user: Any, token_id: uuid.UUID) -> ApiToken:
    """A user sees only their own tokens; anyone else's is not there (404)."""
    return get_object_or_404(ApiToken, user=user, public_id=token_id)


@guard("core.view_dashboard", load=own_token)
@require_POST
def token_revoke(request: HttpRequest, token: ApiToken) -> HttpResponse:
    revoke_token(token)
    messages.success(
        request, _("The token %(name)s no longer works.") % {"name": token.name}
    )
    return redirect("accounts:api_tokens")
