"""The lists of the development chain and of brand projects cost as many
queries for 30 documents as for 3 (issue 15's bar, kept by issue 11): opened
as the web client does after login (scm_base/tests/listing.py) by the people
who work them and by the Audit Dept."""

from datetime import timedelta
from itertools import count

from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today
from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .dev_common import ScmDevCase
from .devagr_common import SECTIONS
from .test_brand_project import SECTIONS as BRAND_SECTIONS
from .test_devreq_plan import PLAN_VALUES


@tagged("post_install", "-at_install")
class TestDevListQueries(ScmDevCase):
    def setUp(self):
        super().setUp()
        self.serial = count(1)

    def make_works(self, number):
        for _index in range(number):
            work = self.make_dev_work(
                "long_term", name=f"SCMS 开发任务 {next(self.serial):03d}"
            )
            # what a row shows: its stage and the deadline its lead owes
            work._scm_deadline_open("PRJ-DEV-03", "需求工作计划", self.mrd_manager, 5)

    def make_plans(self, number):
        Plan = self.env["scm.dev.plan"].with_user(self.mrd_manager)
        for _index in range(number):
            Plan.create(
                {
                    **PLAN_VALUES,
                    "name": f"SCMS 开发计划 {next(self.serial):03d}",
                    "completion_date": china_today() + timedelta(days=180),
                }
            )

    def make_analyses(self, number):
        Analysis = self.env["scm.dev.analysis"].sudo()
        for _index in range(number):
            work = self.make_dev_work(
                "long_term", name=f"SCMS 开发任务 {next(self.serial):03d}"
            )
            work.sudo().write({"stage": "analysis"})
            Analysis.create({"work_id": work.id, **SECTIONS})

    def test_dev_work_list_mrd(self):
        """The developments as the MRD Manager who leads them."""
        assert_constant_list_queries(
            self, "scm_projects.action_scm_dev_work", self.mrd_manager, self.make_works
        )

    def test_dev_work_list_audit(self):
        """The developments as the Audit Dept (read only)."""
        assert_constant_list_queries(
            self, "scm_projects.action_scm_dev_work", self.auditor, self.make_works
        )

    def test_dev_plan_list(self):
        """The development plans as the MRD Manager who drafts them."""
        assert_constant_list_queries(
            self, "scm_projects.action_scm_dev_plan", self.mrd_manager, self.make_plans
        )

    def test_dev_analysis_list_qc(self):
        """The requirement analysis reports as the QC Dept (SUP-REQ-03)."""
        assert_constant_list_queries(
            self,
            "scm_projects.action_scm_dev_analysis",
            self.qc_manager,
            self.make_analyses,
        )


@tagged("post_install", "-at_install")
class TestBrandListQueries(ScmDevCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.brand_manager = cls.env.ref("scm_base.user_brand_manager")
        cls.brand_project = cls.env.ref(
            "scm_sales.brand_proposal_wh_chufeng"
        ).project_id
        cls.designer_partner = cls.env["res.partner"].create({"name": "李设计师"})

    def make_agreements(self, number):
        Agreement = self.env["scm.brand.coop.agreement"].sudo()
        for _index in range(number):
            Agreement.create(
                {
                    "brand_project_id": self.brand_project.id,
                    "counterparty_ids": [(6, 0, self.designer_partner.ids)],
                    "acceptance_type": "design",
                    "implementation_plan": "<p>设计计划 10 天</p>",
                    **BRAND_SECTIONS,
                }
            )

    def test_brand_agreement_list(self):
        """The cooperation agreements as the Brand Operation Center."""
        assert_constant_list_queries(
            self,
            "scm_projects.scm_brand_coop_agreement_action",
            self.brand_manager,
            self.make_agreements,
        )
