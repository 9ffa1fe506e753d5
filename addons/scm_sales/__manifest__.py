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
        # customers and territories
        "views/scm_customer_grading_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/scm_sales_area_request_views.xml",
        "views/scm_customer_access_grant_views.xml",
        "wizard/scm_customer_reassign_views.xml",
        "report/scm_customer_file_report.xml",
        "views/scm_sales_menus.xml",
        # [areas] each area appends its own block below
        # market
        "security/market_rules.xml",
        "data/market_data.xml",
        "data/market_tier_data.xml",
        "data/market_product_data.xml",
        "views/market_partnership_views.xml",
        "views/market_competitor_views.xml",
        "views/market_product_views.xml",
        "report/market_reports.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        # [areas] each area appends its own demo file below
        # market
        "demo/market_demo.xml",
    ],
}
