/** @odoo-module **/
/**
 * The S&C contract from draft to effective, one tour per user step (run in
 * each user's own login by TestScContractTours): the Branch Manager ticks the
 * core clauses and submits it to HQ, the Market Center Manager approves it,
 * the MSD Manager prints the original (its number is issued), Finance
 * registers it, MSD sends the originals to the branch, the Branch Manager
 * signs for AA and records the customer's signature and seal. Selectors use
 * button and field names, so that the tours do not depend on the language.
 */
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const UNCHECKED_CLAUSE =
    ".o_field_widget[name='checklist_line_ids'] .o_data_row td[name='checked'] input:not(:checked)";

function stageIs(stage) {
    return {
        content: `the contract is in stage ${stage}`,
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

function dialogButton(name) {
    return {
        content: `confirm the dialog with ${name}`,
        trigger: `.modal-footer button[name='${name}']:enabled`,
        run: "click",
    };
}

tours.add("scm_contracts_sc_branch_submits", {
    steps: () => [
        stageIs("draft"),
        {
            content: "open the core-clause checklist",
            trigger: ".o_notebook .nav-link[name='checklist']",
            run: "click",
        },
        {
            content: "tick every core clause",
            trigger: ".o_field_widget[name='checklist_line_ids'] .o_data_row",
            async run(helpers) {
                // Each line: click its cell to edit the line, then tick the box.
                const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
                for (let lines = 0; lines < 50; lines++) {
                    const box = document.querySelector(UNCHECKED_CLAUSE);
                    if (!box) {
                        return;
                    }
                    if (box.disabled) {
                        await helpers.click(box.closest("td"));
                        await pause();
                    }
                    const editable = document.querySelector(
                        `.o_selected_row td[name='checked'] input:not(:checked):enabled`
                    );
                    if (editable) {
                        await helpers.click(editable);
                        await pause();
                    }
                }
            },
        },
        {
            content: "every core clause is ticked",
            trigger: `.o_field_widget[name='checklist_line_ids']:not(:has(${UNCHECKED_CLAUSE}))`,
        },
        clickButton("action_scm_submit"),
        stageIs("review"),
    ],
});

tours.add("scm_contracts_sc_approver_approves", {
    steps: () => [
        {
            content: "approve",
            trigger: ".o_form_view button[name='validate_tier']:enabled",
            run: "click",
        },
        {
            content: "write the opinion",
            trigger: ".modal .o_field_widget[name='comment'] :is(textarea, input)",
            run: "edit 与建议书一致，同意。",
        },
        dialogButton("add_comment"),
        stageIs("approved"),
    ],
});

tours.add("scm_contracts_sc_msd_prints_original", {
    steps: () => [
        stageIs("approved"),
        clickButton("action_print_original"),
        {
            content: "confirm: the number is assigned now",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "the original opens with its number and the customer",
            trigger: ".o_action iframe:iframe .page:contains(SCMSCWH-):contains(楚风)",
        },
        {
            content: "back to the contract",
            trigger: ".o_breadcrumb .breadcrumb-item:not(.active):last a",
            run: "click",
        },
        stageIs("printed"),
        {
            content: "the contract shows its number",
            trigger: ".o_form_view .o_field_widget[name='number']:contains(SCMSCWH-)",
        },
    ],
});

tours.add("scm_contracts_sc_finance_registers", {
    steps: () => [
        stageIs("printed"),
        clickButton("action_open_register"),
        {
            content: "register number",
            trigger: ".modal .o_field_widget[name='register_no'] input",
            run: "edit CW-TOUR-001",
        },
        dialogButton("action_confirm"),
        stageIs("registered"),
    ],
});

tours.add("scm_contracts_sc_msd_sends_to_branch", {
    steps: () => [
        stageIs("registered"),
        clickButton("action_send_to_branch"),
        stageIs("sent_to_branch"),
    ],
});

tours.add("scm_contracts_sc_branch_signs_with_customer", {
    steps: () => [
        clickButton("action_sign_aa"),
        stageIs("aa_signed"),
        clickButton("action_open_customer_sign"),
        {
            content: "the customer's signatory",
            trigger: ".modal .o_field_widget[name='signatory'] input",
            run: "edit 刘建国（总经理）",
        },
        {
            content: "sealed",
            trigger: ".modal .o_field_widget[name='sealed'] input",
            run: "check",
        },
        dialogButton("action_confirm"),
        stageIs("effective"),
    ],
});
