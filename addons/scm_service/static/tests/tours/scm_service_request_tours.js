/** @odoo-module **/
/**
 * A service request escalated to HQ (SVC-RESP-02/04, SUP-SVCN-01) as its
 * users go through it in the web client, one tour per user step (run in
 * each user's own login by TestServiceTours): the branch's service staff
 * records the first response and the interim measures and asks to escalate;
 * the Branch Manager approves the escalation. Selectors use button, page and
 * field names, so that the tours do not depend on the language.
 */
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function clickButton(name) {
    return {
        content: `click ${name}`,
        trigger: `.o_form_view .o_form_statusbar button[name='${name}']:enabled`,
        run: "click",
    };
}

function buttonGone(name) {
    return {
        content: `${name} is done`,
        trigger: `.o_form_view .o_form_statusbar:not(:has(button[name='${name}']))`,
    };
}

tours.add("scm_service_staff_asks_escalation", {
    steps: () => [
        clickButton("action_scm_first_response"),
        buttonGone("action_scm_first_response"),
        {
            content: "open the response page",
            trigger: ".o_notebook .nav-link[name='scm_response']",
            run: "click",
        },
        {
            content: "write the interim measures",
            trigger: ".o_form_view .o_field_widget[name='scm_interim_measures'] textarea",
            run: "edit 先用手工单据过渡，当天下班前回电。",
        },
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved",
            trigger: ".o_form_view .o_form_saved",
        },
        clickButton("action_scm_request_escalation"),
        {
            content: "confirm: the Branch Manager approves it",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        buttonGone("action_scm_request_escalation"),
    ],
});

tours.add("scm_service_manager_approves_escalation", {
    steps: () => [
        clickButton("action_scm_approve_escalation"),
        buttonGone("action_scm_approve_escalation"),
    ],
});
