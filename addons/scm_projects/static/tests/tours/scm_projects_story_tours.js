/** @odoo-module **/
/**
 * The PM issues the initiation notice of a new customer project (run in
 * wh.manager's own login by TestProjectTours, which prepares the notice's
 * contents): from the home menu he opens the Customer Projects app, the
 * project of the contract in force, its initiation notice, and issues it.
 * Selectors use menu xmlids, button and field names, so that the tour does
 * not depend on the language.
 */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("scm_projects_pm_issues_initiation", {
    steps: () => [
        {
            content: "open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "open the Customer Projects app",
            trigger: ".o_app[data-menu-xmlid='scm_projects.menu_scm_projects_root']",
            run: "click",
        },
        {
            content: "open the project of the contract in force",
            trigger:
                ".o_data_row td[name='name']:contains('楚风服饰 巡检项目（界面）'), " +
                ".o_kanban_record:contains('楚风服饰 巡检项目（界面）')",
            run: "click",
        },
        {
            content: "show the smart buttons folded under More, if any",
            trigger: ".o_form_view .o-form-buttonbox",
            run() {
                const folded = !document.querySelector(
                    ".o_form_view .o-form-buttonbox button[name='action_scm_open_initiation']"
                );
                const more = document.querySelector(".o-form-buttonbox .o_button_more");
                if (folded && more) {
                    more.click();
                }
            },
        },
        {
            content: "open its initiation notice",
            trigger: "button[name='action_scm_open_initiation']:visible",
            run: "click",
        },
        {
            content: "the notice is a draft",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='draft']",
        },
        {
            content: "issue the notice",
            trigger: ".o_form_view .o_form_statusbar button[name='action_scm_issue']:enabled",
            run: "click",
        },
        {
            content: "confirm the issue",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "the notice is issued",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='issued']",
        },
    ],
});
