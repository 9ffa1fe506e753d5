{
    "name": "SCM Operations: Marketing Training",
    "summary": "Marketing training from the annual plan to each trainee's "
    "result and each trainer's assessment: plans, sessions on OCA hr_course "
    "with their implementation method and handout approved beforehand, the "
    "five haves, evaluation meetings, exams, retakes and summary reports",
    "version": "18.0.1.0.0",
    "category": "SCM Operations",
    "website": "https://github.com/scm-operations/scm-addons",
    "author": "SCM Operations Team",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["scm_base", "hr_course", "survey", "calendar"],
    "data": [
        "security/ir.model.access.csv",
        "security/scm_training_rules.xml",
        "views/scm_training_menus.xml",
        "views/scm_training_session_views.xml",
        # [areas] each area appends its own block below
        # plans (TRN-PLAN-01..03, TRN-FIVE-01, AUD-GEN-05)
        "security/ir.model.access-plans.csv",
        "security/plans_rules.xml",
        "data/plans_tier_data.xml",
        "views/plans_plan_views.xml",
        "views/plans_five_haves_views.xml",
        "views/plans_need_views.xml",
        "report/plans_reports.xml",
        # [evaluation]
        "security/ir.model.access-evaluation.csv",
        "security/evaluation_rules.xml",
        "data/evaluation_criterion_data.xml",
        "views/evaluation_evaluation_views.xml",
        "views/evaluation_exam_views.xml",
        "views/evaluation_summary_views.xml",
        "views/evaluation_session_views.xml",
        "report/evaluation_reports.xml",
        # -- sessions: method, handout, held, record to HQ (TRN-PLAN-04/05,
        #    TRN-SM-01, TRN-FIVE-01 #4)
        "security/ir.model.access-sessions.csv",
        "security/sessions_rules.xml",
        "data/sessions_tier_data.xml",
        "views/sessions_method_views.xml",
        "views/sessions_handout_views.xml",
        "views/sessions_wizard_views.xml",
        "report/sessions_reports.xml",
    ],
    "assets": {
        "web.assets_tests": ["scm_training/static/tests/tours/*.js"],
    },
    "demo": [
        # [areas-demo]
        # demo (issue 13's story)
        "demo/translations_demo.xml",
        "demo/scm_training_demo.xml",
    ],
}
