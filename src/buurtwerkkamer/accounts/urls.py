from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy

from . import two_factor, views, views_tokens
from .forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path("tweestaps/", two_factor.setup, name="two_factor_setup"),
    path("tweestaps/controle/", two_factor.verify, name="two_factor_verify"),
    path(
        "tweestaps/herstelcodes/",
        two_factor.recovery_codes,
        name="two_factor_recovery",
    ),
    path("sleutels/", views_tokens.token_list, name="api_tokens"),
    path(
        "sleutels/<uuid:token_id>/intrekken/",
        views_tokens.token_revoke,
        name="api_token_revoke",
    ),
    path("agenda/", views.calendar_settings, name="calendar"),
    path("agenda/vernieuwen/", views.calendar_renew, name="calendar_renew"),
    path("agenda/<uuid:token>.ics", views.calendar_feed, name="calendar_feed"),
    path(
        "inloggen/",
        auth.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        auth.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verzonden/",
        auth.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-wijzigen/",
        auth.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "wachtwoord-wijzigen/klaar/",
        auth.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
