{
    "name": "SCM Operations: Marketing Audit",
    "summary": "The Audit Dept's audits and 《稽核报告单》 on OCA's management "
    "system: findings with evidence from any record, rectification plans and "
    "re-checks, the escalation ladder, a work queue of violations detected "
    "across every chapter, and the quarterly customer satisfaction survey",
    "version": "18.0.1.0.0",
    "category": "SCM Operations",
    "website": "https://github.com/scm-operations/scm-addons",
    "author": "SCM Operations Team",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "scm_projects",
        "scm_service",
        "scm_training",
        "mgmtsystem_audit",
        "survey",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/scm_audit_rules.xml",
        "data/scm_audit_data.xml",
        "views/scm_audit_menus.xml",
        "views/scm_audit_report_views.xml",
        "views/scm_audit_finding_views.xml",
        "views/scm_audit_proposal_views.xml",
        "wizard/scm_audit_wizard_views.xml",
        "report/scm_audit_reports.xml",
        # [areas] each area appends its own block below
        # sat: the quarterly customer satisfaction survey (AUD-SAT-01..03)
        "security/ir.model.access-sat.csv",
        "security/sat_rules.xml",
        "data/sat_data.xml",
        "data/sat_survey_data.xml",
        "views/sat_survey_views.xml",
        "views/sat_quarter_views.xml",
        "wizard/sat_wizard_views.xml",
        "report/sat_reports.xml",
        # report: findings analysis, rectification on time vs late, the
        # violation heat map, the monthly assessment (ORG-RULE-12)
        "security/ir.model.access-report.csv",
        "security/report_rules.xml",
        "data/report_scm_audit_data.xml",
        "views/report_finding_views.xml",
        "views/report_heatmap_views.xml",
        "views/report_assessment_views.xml",
        "report/report_reports.xml",
        # detect: automatic detection (AUD-CTR-01..04)
        "security/ir.model.access-detect.csv",
        "security/detect_rules.xml",
        "data/detect_cron.xml",
        "views/detect_scm_audit_proposal_views.xml",
        "views/detect_scm_audit_sample_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["scm_audit/static/tests/tours/*.js"],
    },
    "demo": [
        # [areas-demo]
        # demo (issue 14's story)
        "demo/translations_demo.xml",
        "demo/audit_wh_q4_demo.xml",
        "demo/satisfaction_bj_demo.xml",
    ],
}
