{
    "name": "SCM Operations: Contracts",
    "summary": "The five contract types of the SCMS manual from drafting to the "
    "archived original: templates and core clauses, classification, approval "
    "per type with the President for major contracts, gap-free numbering, "
    "printing, finance registration, signatures, copy distribution, payment "
    "milestones and collections",
    "version": "18.0.1.1.0",
    "category": "SCM Operations",
    "website": "https://github.com/scm-operations/scm-addons",
    "author": "SCM Operations Team",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["scm_sales"],
    "data": [
        "security/ir.model.access.csv",
        "security/scm_contracts_rules.xml",
        "data/scm_contract_data.xml",
        "report/scm_contract_reports.xml",
        "data/scm_contract_template_data.xml",
        "data/scm_contract_tier_data.xml",
        "views/scm_contract_template_views.xml",
        "views/scm_contract_views.xml",
        "views/scm_contract_opportunity_views.xml",
        "views/scm_contract_milestone_views.xml",
        "views/scm_proposal_views.xml",
        "wizard/scm_contract_customer_sign_views.xml",
        "wizard/scm_contract_register_views.xml",
        "views/scm_contracts_menus.xml",
        # [areas] each area appends its own block below
        # cancelkey
        "security/cancelkey_rules.xml",
        "data/cancelkey_sequence_data.xml",
        "data/cancelkey_tier_data.xml",
        "report/cancelkey_reports.xml",
        "views/cancelkey_cancellation_views.xml",
        "views/cancelkey_scheme_views.xml",
        "views/cancelkey_contract_views.xml",
        # secondary
        "security/secondary_rules.xml",
        "data/secondary_sequence_data.xml",
        "report/secondary_reports.xml",
        "views/secondary_requirement_views.xml",
        "views/secondary_review_views.xml",
        "views/scm_contracts_mobile_views.xml",
        # home: every waiting step is an activity
        "data/scm_contract_home_data.xml",
    ],
    "demo": [
        # translations before the story, which reads this addon's data
        "demo/translations_demo.xml",
        # the requirement reports come first: a demo contract is drafted from one
        "demo/secondary_demo.xml",
        "demo/scm_contracts_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["scm_contracts/static/tests/tours/*.js"],
    },
}
