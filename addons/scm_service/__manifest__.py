{
    "name": "SCM Operations: Customer Service",
    "summary": "Customer service after the run-in on OCA's helpdesk: service "
    "requests with their two-hour commitments and working-day SLAs, service "
    "plans, the customer service archive, monthly visits, HQ escalation and "
    "the typical-issues bulletin, and product disc requests",
    "version": "18.0.1.0.0",
    "category": "SCM Operations",
    "website": "https://github.com/scm-operations/scm-addons",
    "author": "SCM Operations Team",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "scm_projects",
        "helpdesk_mgmt",
        "helpdesk_mgmt_sla",
        "helpdesk_type",
        "helpdesk_type_sla",
        "helpdesk_mgmt_project",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/scm_service_rules.xml",
        "views/scm_service_menus.xml",
        # [areas] each area appends its own block below
        # customers
        "security/ir.model.access-customers.csv",
        "security/customers_rules.xml",
        "views/customers_partner_views.xml",
        "views/customers_plan_views.xml",
        "views/customers_visit_views.xml",
        "views/customers_survey_views.xml",
        "views/customers_menus.xml",
        "report/customers_reports.xml",
        "data/customers_cron.xml",
        "security/ir.model.access-hq.csv",
        "security/hq_rules.xml",
        "data/hq_sequence_data.xml",
        "views/hq_escalation_views.xml",
        "views/hq_bulletin_views.xml",
        "views/hq_disc_request_views.xml",
        "report/hq_reports.xml",
        # requests
        "security/ir.model.access-requests.csv",
        "security/requests_rules.xml",
        "data/requests_catalogue_data.xml",
        "data/requests_data.xml",
        "views/requests_helpdesk_ticket_views.xml",
        "views/requests_config_views.xml",
        "report/requests_reports.xml",
    ],
    "assets": {
        "web.assets_tests": ["scm_service/static/tests/tours/*.js"],
    },
    "demo": [
        # [areas-demo]
        "demo/translations_demo.xml",
        "demo/service_wh_hanjiang_demo.xml",
    ],
}
