from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.all_list, name="all"),
    path("nieuw/", views.create_cooperative, name="create_cooperative"),
    path("kamer/<slug:room>/", views.room_list, name="room"),
    path("kamer/<slug:room>/nieuw/", views.create, name="create"),
    path("<uuid:meeting>/", views.detail, name="detail"),
    path("<uuid:meeting>/verplaatsen/", views.reschedule, name="reschedule"),
    path("<uuid:meeting>/agenda/", views.agenda, name="agenda"),
    path("<uuid:meeting>/uitnodigen/", views.invite, name="invite"),
    path(
        "<uuid:meeting>/iedereen-uitnodigen/",
        views.invite_everyone,
        name="invite_everyone",
    ),
    path("<uuid:meeting>/verslag/", views.minutes, name="minutes"),
    path("<uuid:meeting>/actie/", views.action_add, name="action_add"),
    path("actie/<uuid:action>/afgerond/", views.action_done, name="action_done"),
]
