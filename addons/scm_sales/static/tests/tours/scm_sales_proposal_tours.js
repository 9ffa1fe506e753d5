/** @odoo-module **/
/**
 * The EMT proposal as its users go through it in the web client, one tour
 * per user step (run in each user's own login by TestProposalTours):
 * the consultant writes it, the Branch Manager signs and sends it to MSD,
 * MSD and the panel give their opinions, the Branch Manager submits it to
 * the customer and records the acceptance. Selectors use button and field
 * names, so that the tours do not depend on the language.
 */
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function stageIs(stage) {
    return {
        content: `the proposal is in stage ${stage}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${stage}']`,
    };
}

function clickButton(name) {
    return {
        content: `click ${name}`,
        trigger: `.o_form_view .o_form_statusbar button[name='${name}']:enabled`,
        run: "click",
    };
}

function confirmDialog() {
    return {
        content: "confirm",
        trigger: ".modal-footer .btn-primary",
        run: "click",
    };
}

function fill(field, text) {
    return {
        content: `write ${field}`,
        trigger: `.o_form_view .o_field_widget[name='${field}'] :is(input, textarea)`,
        run: `edit ${text}`,
    };
}

tours.add("scm_sales_proposal_consultant_writes", {
    steps: () => [
        fill("title", "网测服饰 SCMS 企业管理改造项目（导览）"),
        {
            content: "choose the customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input",
            run: "edit 网测服饰",
        },
        {
            content: "pick it in the list",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(网测服饰)",
            run: "click",
        },
        fill("background", "客户库存数据每月人工盘点，畅销款断货与滞销款积压并存。"),
        fill("management_theory", "以运作链管理为主线，流程管人。"),
        fill("element_method", "梳理五类基础要素并统一编码，建立单据流。"),
        fill("future_model", "总部集中计划，工厂按单生产，门店每日回传。"),
        {
            content: "open the quotation page",
            trigger: ".o_notebook .nav-link[name='quotation']",
            run: "click",
        },
        fill("quotation_amount", "380000"),
        fill("quotation_text", "软件许可26万元，咨询实施12万元。"),
        fill("implementation_time", "合同签订后约3个月。"),
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved: the proposal has its number",
            trigger: ".o_form_view .o_form_saved .o_field_widget[name='name']:not(:empty)",
        },
        stageIs("draft"),
    ],
});

tours.add("scm_sales_proposal_branch_sends", {
    steps: () => [
        stageIs("draft"),
        clickButton("action_branch_sign"),
        stageIs("branch_signed"),
        clickButton("action_scm_submit"),
        stageIs("msd_prereview"),
    ],
});

/** A reviewer approves with an opinion in the approval dialog. */
tours.add("scm_sales_proposal_reviewer_approves", {
    steps: () => [
        {
            content: "approve",
            trigger: ".o_form_view button[name='validate_tier']:enabled",
            run: "click",
        },
        {
            content: "write the opinion",
            trigger: ".modal .o_field_widget[name='comment'] :is(textarea, input)",
            run: "edit 同意。",
        },
        {
            content: "confirm the approval",
            trigger: ".modal-footer button[name='add_comment']:enabled",
            run: "click",
        },
        {
            content: "the dialog is closed and my decision recorded",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "nothing left for me to decide",
            trigger: ".o_form_view:not(:has(button[name='validate_tier']))",
        },
    ],
});

tours.add("scm_sales_proposal_branch_customer_accepts", {
    steps: () => [
        stageIs("approved"),
        clickButton("action_send_to_customer"),
        stageIs("sent_to_customer"),
        clickButton("action_customer_accept"),
        confirmDialog(),
        stageIs("customer_accepted"),
    ],
});
