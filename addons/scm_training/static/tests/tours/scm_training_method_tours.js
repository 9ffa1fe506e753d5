/** @odoo-module **/
/**
 * A training session's implementation method (TRN-PLAN-04) as its users go
 * through it in the web client, one tour per user step (run in each user's
 * own login by TestTrainingTours): the organiser opens the method from the
 * session, writes its 11 headings and submits it; the session's superior
 * approves it with an opinion. Selectors use button and field names, so that
 * the tours do not depend on the language.
 */
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

const HEADINGS = {
    purpose: "提高顾问的报价规范意识",
    aims: "掌握报价流程与审批要求",
    methods: "讲授与案例分析",
    steps: "讲解流程、分析审计案例、笔试",
    time_plan: "上午讲授，下午案例与笔试",
    department_cooperation: "审计部提供案例",
    staff_support: "培训专员负责通知与签到",
    examination: "课后笔试，60 分及格",
    funding: "分公司培训经费",
    organisation: "分公司经理负责",
    notes: "准时参加",
};

function stateIs(state) {
    return {
        content: `the method is ${state}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${state}']`,
    };
}

tours.add("scm_training_organiser_submits_method", {
    steps: () => [
        {
            content: "open the session's implementation method",
            trigger: ".o_form_view .o_form_statusbar button[name='action_open_method']:enabled",
            run: "click",
        },
        stateIs("draft"),
        ...Object.entries(HEADINGS).map(([field, text]) => ({
            content: `write ${field}`,
            trigger: `.o_form_view .o_field_widget[name='${field}'] textarea`,
            run: `edit ${text}`,
        })),
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "submit it to the session's superior",
            trigger: ".o_form_view .o_form_statusbar button[name='action_scm_submit']:enabled",
            run: "click",
        },
        stateIs("to_approve"),
    ],
});

tours.add("scm_training_superior_approves_method", {
    steps: () => [
        stateIs("to_approve"),
        {
            content: "approve",
            trigger: ".o_form_view button[name='validate_tier']:enabled",
            run: "click",
        },
        {
            content: "write the opinion",
            trigger: ".modal .o_field_widget[name='comment'] :is(textarea, input)",
            run: "edit 同意，按办法实施。",
        },
        {
            content: "confirm the approval",
            trigger: ".modal-footer button[name='add_comment']:enabled",
            run: "click",
        },
        {
            content: "the dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        stateIs("approved"),
    ],
});
