{
    "name": "SCM Operations: Customer Projects",
    "summary": "A signed contract becomes a delivered, accepted, paid and "
    "handed-over customer project on Odoo's Project app: initiation, plans and "
    "tracking per track, kick-off, research, the elements method, run-in "
    "faults and quotas, acceptance, collection, handover and closing",
    "version": "18.0.1.0.0",
    "category": "SCM Operations",
    "website": "https://github.com/scm-operations/scm-addons",
    "author": "SCM Operations Team",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["scm_contracts", "project", "project_timeline"],
    "data": [
        "security/scm_projects_security.xml",
        "security/ir.model.access.csv",
        "security/scm_projects_rules.xml",
        "views/project_project_views.xml",
        "wizard/scm_project_customer_sign_views.xml",
        "views/scm_projects_menus.xml",
        # [areas] each area appends its own block below
        # plans
        "security/ir.model.access-plans.csv",
        "security/plans_rules.xml",
        "data/plans_data.xml",
        "views/plans_project_plan_views.xml",
        "views/plans_delay_notice_views.xml",
        "views/plans_task_views.xml",
        "views/plans_menus.xml",
        "report/plans_reports.xml",
    ],
    "demo": [],
    "assets": {},
}
