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
        # the software development workflow (issue 11): its core
        "security/dev_core_rules.xml",
        "views/dev_core_views.xml",
        # [areas] each area appends its own block below
        # closing: acceptance, collection, handover, closing
        "security/ir.model.access-closing.csv",
        "security/closing_rules.xml",
        "data/closing_data.xml",
        "views/closing_views.xml",
        "report/closing_reports.xml",
        # runin
        "security/ir.model.access-runin.csv",
        "security/runin_rules.xml",
        "views/runin_fault_views.xml",
        "views/runin_requirement_views.xml",
        "views/runin_training_views.xml",
        "report/runin_reports.xml",
        # network: work orders, network equipment, disc requests
        "security/ir.model.access-network.csv",
        "security/network_rules.xml",
        "data/network_sequence_data.xml",
        "wizard/network_equipment_change_decision_views.xml",
        "views/network_views.xml",
        "report/network_reports.xml",
        # kickoff
        "security/ir.model.access-kickoff.csv",
        "security/kickoff_rules.xml",
        "views/kickoff_kickoff_views.xml",
        "views/kickoff_meeting_views.xml",
        "views/kickoff_research_material_views.xml",
        "views/kickoff_baseline_views.xml",
        "views/kickoff_menus.xml",
        "report/kickoff_reports.xml",
        # initiation
        "security/ir.model.access-initiation.csv",
        "security/initiation_rules.xml",
        "wizard/initiation_execution_verify_views.xml",
        "views/initiation_views.xml",
        "report/initiation_reports.xml",
        # elements
        "security/ir.model.access-elements.csv",
        "security/elements_rules.xml",
        "views/elements_element_views.xml",
        "views/elements_documents_views.xml",
        "report/elements_reports.xml",
        # plans
        "security/ir.model.access-plans.csv",
        "security/plans_rules.xml",
        "data/plans_data.xml",
        "views/plans_project_plan_views.xml",
        "views/plans_delay_notice_views.xml",
        "views/plans_task_views.xml",
        "views/plans_menus.xml",
        "report/plans_reports.xml",
        # brand: brand operation projects (PRJ-BRD-01..09)
        "security/ir.model.access-brand.csv",
        "security/brand_rules.xml",
        "data/brand_data.xml",
        "views/brand_views.xml",
        "report/brand_reports.xml",
        # devagr: analysis report, argumentation, system analysis, agreement,
        # memoranda, execution sheet, QC report, acceptance (PRJ-DEV-07..15)
        "security/ir.model.access-devagr.csv",
        "security/devagr_rules.xml",
        "views/devagr_views.xml",
        "report/devagr_reports.xml",
        # devreq: development plan, requirement work, requirement sources
        "security/ir.model.access-devreq.csv",
        "security/devreq_rules.xml",
        "views/devreq_views.xml",
        "views/devreq_requirement_views.xml",
        "report/devreq_reports.xml",
    ],
    "demo": [
        # translations before the story, which copies this addon's names
        "demo/translations_demo.xml",
        "demo/projects_wh_hanjiang_demo.xml",
        "demo/projects_wh_changjiang_demo.xml",
        "demo/projects_bj_yandu_demo.xml",
        # devint (issue 11): the development chain and the brand project. Run
        # by step methods (<function>), loaded on install only: forcecreate
        # keeps an update from making their records without their steps.
        "demo/devint_longterm_demo.xml",
        "demo/devint_upgrade_demo.xml",
        "demo/devint_bj_secondary_demo.xml",
        "demo/devint_brand_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["scm_projects/static/tests/tours/*.js"],
    },
}
