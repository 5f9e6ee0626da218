# SPDX-License-Identifier: EUPL-1.2
"""The web pages. Paths are Dutch, like the pages; they never hold a BSN or other personal
data: clients and items are named by random ids, a search is sent by POST."""

from django.urls import path

from zorgvuldig.web.resident import digid
from zorgvuldig.web.views import (
    auth,
    awareness,
    consent,
    destruction,
    dossier,
    emergency,
    exchange,
    households,
    incidents,
    intake,
    meldcode,
    oidc,
    oversight,
    received_shares,
    referrals,
    requests,
    resident,
    resident_holds,
    retention,
    retention_plan,
    rights,
    search,
    second_factor,
    team,
)

app_name = "web"

urlpatterns = [
    # the resident's own view (decision 25)
    path("mijn/", resident.home, name="resident_home"),
    path("mijn/inloggen/", resident.signin, name="resident_signin"),
    # DigiD itself (SAML, the artifact binding), when ZORGVULDIG_DIGID is on; 404 otherwise
    path("mijn/digid/", digid.DigiDLogin.as_view(), name="digid_login"),
    path("mijn/digid/acs/", digid.DigiDAssertionConsumerService.as_view(), name="digid_acs"),
    path("mijn/digid/metadata/", digid.DigiDMetadata.as_view(), name="digid_metadata"),
    path("mijn/uitloggen/", resident.signout, name="resident_signout"),
    path("mijn/verwerkingen/nieuw/", resident.new_processings, name="resident_new"),
    path("mijn/toestemmingen/", resident.consents, name="resident_consents"),
    path("mijn/verzoeken/", resident.requests, name="resident_requests"),
    path("mijn/verzoeken/nieuw/", resident.new_request, name="resident_new_request"),
    path(
        "mijn/verzoeken/<uuid:request_id>/overzicht.<str:extension>",
        resident.overview_download,
        name="resident_overview",
    ),
    path(
        "mijn/toestemmingen/<uuid:decision_id>/intrekken/",
        resident.withdraw,
        name="resident_withdraw",
    ),
    path("", search.home, name="home"),
    path("inloggen/", auth.LoginView.as_view(), name="login"),
    path("inloggen/code/", second_factor.second_factor, name="second_factor"),
    path("inloggen/app-instellen/", second_factor.enrol, name="enrol"),
    # art3.2b: through the municipality's identity provider, when configured (decision 24)
    path("inloggen/oidc/", oidc.Start.as_view(), name="oidc_start"),
    path("inloggen/oidc/terug/", oidc.Callback.as_view(), name="oidc_callback"),
    path("uitloggen/", auth.LogoutView.as_view(), name="logout"),
    path("protocol/", auth.acknowledgement, name="acknowledge"),
    path("protocol/bevestigingen/", awareness.acknowledgements, name="acknowledgements"),
    path("team/", team.team_overview, name="team_overview"),
    path("clienten/aanmelden/", intake.intake, name="intake"),
    path("clienten/<uuid:client_id>/", dossier.dossier, name="dossier"),
    path("clienten/<uuid:client_id>/noodtoegang/", emergency.break_glass, name="break_glass"),
    path("noodtoegang/", emergency.emergency_accesses, name="emergency_accesses"),
    path("noodtoegang/<uuid:access_id>/", emergency.emergency_access, name="emergency_access"),
    path("clienten/<uuid:client_id>/gegevens/nieuw/", dossier.record_item, name="record_item"),
    path("gegevens/<uuid:item_id>/", dossier.item_history, name="item_history"),
    path("gegevens/<uuid:item_id>/wijzigen/", dossier.change_item, name="change_item"),
    path(
        "clienten/<uuid:client_id>/informeren/", consent.record_informing, name="record_informing"
    ),
    path(
        "clienten/<uuid:client_id>/toestemming/nieuw/",
        consent.record_consent,
        name="record_consent",
    ),
    path(
        "clienten/<uuid:client_id>/toestemming/intrekken/",
        consent.withdraw_consent,
        name="withdraw_consent",
    ),
    path(
        "clienten/<uuid:client_id>/toestemmingsformulier/",
        consent.consent_form,
        name="consent_form",
    ),
    path(
        "toestemmingsformulieren/<uuid:document_id>/",
        consent.consent_document,
        name="consent_document",
    ),
    path("clienten/<uuid:client_id>/delen/", exchange.share, name="share"),
    path("niet-partners/nieuw/", exchange.register_non_partner, name="register_non_partner"),
    path("niet-partners/folder/", exchange.leaflet_pdf, name="leaflet"),
    path("clienten/<uuid:client_id>/opvragen/", requests.request_data, name="request_data"),
    path("clienten/<uuid:client_id>/meldcode/nieuw/", meldcode.open_case, name="open_safety_case"),
    path(
        "clienten/<uuid:client_id>/meldcode/<uuid:case_id>/",
        meldcode.next_step,
        name="meldcode_step",
    ),
    path(
        "clienten/<uuid:client_id>/meldcode/<uuid:case_id>/sluiten/",
        meldcode.close_case,
        name="close_safety_case",
    ),
    path("clienten/<uuid:client_id>/huishouden/nieuw/", households.create, name="create_household"),
    path("huishoudens/", households.directed, name="households"),
    path("huishoudens/<uuid:household_id>/", households.household, name="household"),
    path("clienten/<uuid:client_id>/verzoeken/", rights.client_requests, name="client_requests"),
    path(
        "clienten/<uuid:client_id>/verzoeken/nieuw/",
        rights.register_request,
        name="register_request",
    ),
    # art9.3: what the client's own view shows and holds back (decision 25)
    path(
        "clienten/<uuid:client_id>/eigen-omgeving/",
        resident_holds.resident_view_holds,
        name="resident_view_holds",
    ),
    path("rechten/verzoeken/", rights.queue, name="rights_queue"),
    path("rechten/verzoeken/<uuid:request_id>/", rights.subject_request, name="subject_request"),
    path(
        "rechten/verzoeken/<uuid:request_id>/ontvangers/<uuid:notice_id>/",
        rights.resolve_notice,
        name="resolve_notice",
    ),
    path("rechten/verzoeken/<uuid:request_id>/overzicht/", rights.overview, name="overview"),
    path(
        "rechten/verzoeken/<uuid:request_id>/overzicht/brief/",
        rights.overview_letter,
        name="overview_letter",
    ),
    path(
        "rechten/verzoeken/<uuid:request_id>/weigering/brief/",
        rights.refusal_letter,
        name="refusal_letter",
    ),
    path("rechten/verzoeken/<uuid:request_id>/inzage/", rights.inspection, name="inspection"),
    path("clienten/<uuid:client_id>/bewaren/", retention.retention, name="retention"),
    path("vernietigen/", destruction.destruction_lists, name="destruction_lists"),
    path("vernietigen/plan/", retention_plan.retention_plan, name="retention_plan"),
    path("vernietigen/<uuid:list_id>/", destruction.destruction_list, name="destruction_list"),
    path(
        "vernietigen/<uuid:list_id>/verklaring/",
        destruction.destruction_record,
        name="destruction_record",
    ),
    path("incidenten/", incidents.incidents, name="incidents"),
    path("incidenten/melden/", incidents.report, name="report_incident"),
    path("incidenten/<uuid:incident_id>/", incidents.incident, name="incident"),
    path(
        "incidenten/<uuid:incident_id>/brieven/<int:letter_id>/",
        incidents.letter,
        name="incident_letter",
    ),
    path("privacy/uitzonderingen/", oversight.exceptions_register, name="exceptions_register"),
    path("ontvangen-gegevens/", received_shares.received_shares, name="received_shares"),
    path("aanmeldingen/", referrals.intake_queue, name="intake_queue"),
    path(
        "aanmeldingen/<uuid:client_id>/<slug:domain>/aannemen/",
        referrals.take_in,
        name="take_in_referral",
    ),
    path(
        "aanmeldingen/<uuid:client_id>/<slug:domain>/afwijzen/",
        referrals.decline,
        name="decline_referral",
    ),
    path(
        "ontvangen-gegevens/<uuid:share_id>/overnemen/",
        received_shares.accept,
        name="accept_received_share",
    ),
    path(
        "ontvangen-gegevens/<uuid:share_id>/afwijzen/",
        received_shares.decline,
        name="decline_received_share",
    ),
]
