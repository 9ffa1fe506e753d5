/** @odoo-module **/
/**
 * An audit finding as the audited person meets it in the web client (run in
 * his own login by TestAuditTours): he opens the confirmed finding, gives
 * the rectification measures and the date by which they are done, and the
 * finding is planned (AUD-GEN-03). Selectors use button and field names, so
 * that the tour does not depend on the language.
 */
import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("scm_audit_person_gives_rectification_plan", {
    steps: () => [
        {
            content: "the finding is confirmed",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='confirmed']",
        },
        {
            content: "give the rectification plan",
            trigger: ".o_form_view .o_form_statusbar button[name='action_rectification_wizard']:enabled",
            run: "click",
        },
        {
            content: "write the measures",
            trigger: ".modal .o_field_widget[name='plan'] textarea",
            run: "edit 补交当月销售计划，并在周例会上通报。",
        },
        {
            content: "rectified by today",
            trigger: ".modal .o_field_widget[name='due'] input",
            run: `edit ${formatDate(DateTime.local())}`,
        },
        {
            content: "submit the plan",
            trigger: ".modal-footer button[name='action_submit']:enabled",
            run: "click",
        },
        {
            content: "the dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "the finding is planned",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='planned']",
        },
    ],
});
