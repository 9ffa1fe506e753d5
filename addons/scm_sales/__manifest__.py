{
    "name": "SCM Operations: Sales",
    "summary": "Marketing operations of the SCMS manual: sales plans, territories, "
    "customer files, visits and minutes, brand sales, EMT proposals and their "
    "review, partnerships, new branches, competitors and the product catalogue",
    "version": "18.0.1.0.0",
    "category": "SCM Operations",
    "website": "https://github.com/scm-operations/scm-addons",
    "author": "SCM Operations Team",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["scm_base", "crm", "product", "survey"],
    "data": [
        "security/scm_sales_security.xml",
        "security/ir.model.access.csv",
        "security/scm_sales_rules.xml",
        "data/scm_sales_data.xml",
        "data/crm_stage_data.xml",
        # customers and territories
        "views/scm_customer_grading_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_team_pipeline_views.xml",
        "views/scm_sales_area_request_views.xml",
        "views/scm_customer_access_grant_views.xml",
        "wizard/scm_customer_reassign_views.xml",
        "report/scm_customer_file_report.xml",
        "views/scm_sales_menus.xml",
        # [areas] each area appends its own block below
        # plan
        "security/plan_rules.xml",
        "data/plan_tier_data.xml",
        "data/plan_cron_data.xml",
        "views/plan_sales_plan_views.xml",
        "views/plan_promotion_views.xml",
        "views/plan_report_views.xml",
        "views/plan_actual_views.xml",
        "wizard/plan_escalation_views.xml",
        "report/plan_reports.xml",
        # newbranch
        "security/newbranch_rules.xml",
        "data/newbranch_tier_data.xml",
        "views/newbranch_setup_views.xml",
        "views/newbranch_doc_views.xml",
        "report/newbranch_reports.xml",
        # brand
        "security/brand_rules.xml",
        "data/brand_sequence_data.xml",
        "data/brand_tier_data.xml",
        "data/brand_survey_data.xml",
        "data/brand_cron_data.xml",
        "views/brand_sample_views.xml",
        "views/brand_intake_views.xml",
        "views/brand_proposal_views.xml",
        "views/brand_survey_views.xml",
        "views/brand_followup_views.xml",
        "report/brand_reports.xml",
        "report/brand_intake_report.xml",
        # visit
        "data/visit_data.xml",
        "data/visit_tier_data.xml",
        "security/visit_rules.xml",
        "views/visit_views.xml",
        "report/visit_reports.xml",
        # proposal
        "data/proposal_data.xml",
        "data/proposal_tier_data.xml",
        "security/proposal_rules.xml",
        "report/proposal_reports.xml",
        "views/proposal_views.xml",
        # market
        "security/market_rules.xml",
        "data/market_data.xml",
        "data/market_tier_data.xml",
        "data/market_product_data.xml",
        "views/market_partnership_views.xml",
        "views/market_competitor_views.xml",
        "views/market_product_views.xml",
        "report/market_reports.xml",
        # phone: kanban cards and mobile lists of the documents above
        "views/scm_sales_mobile_views.xml",
    ],
    "demo": [
        # translations before the story, which reads this addon's data
        "demo/translations_demo.xml",
        # sales teams first: the story's opportunities land in their team
        "demo/crm_team_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/crm_lead_demo.xml",
        # [areas] each area appends its own demo file below
        # plan
        "demo/plan_demo.xml",
        # newbranch
        "demo/newbranch_demo.xml",
        # brand
        "demo/brand_demo.xml",
        # visit
        "demo/visit_demo.xml",
        # proposal
        "demo/proposal_demo.xml",
        # market
        "demo/market_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["scm_sales/static/tests/tours/*.js"],
    },
}
