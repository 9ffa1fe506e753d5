from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ScmSalesCase


@tagged("post_install", "-at_install")
class TestTerritory(ScmSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hunan = cls.env.ref("base.state_cn_HN")
        cls.guangdong = cls.env.ref("base.state_cn_GD")

    def test_sal_terr_01_branch_records_only_in_its_provinces(self):
        """SAL-TERR-01: wh.consultant records a customer in Hubei, not in
        Jiangsu (Wuxi's territory), and nothing is written."""
        consultant = self.users["wh.consultant"]
        customer = self.new_customer(consultant, name="武汉长江服饰")
        self.assertEqual(customer.company_id, self.wuhan)
        count = self.Partner.search_count([("name", "=", "无锡太湖服饰")])
        with self.assertRaisesRegex(UserError, "无锡|Wuxi|MSD"):
            self.new_customer(consultant, name="无锡太湖服饰", state_id=self.jiangsu.id)
        self.assertEqual(
            self.Partner.sudo().search_count([("name", "=", "无锡太湖服饰")]), count
        )

    def test_sal_terr_01_documents_for_foreign_customers_blocked(self):
        """SAL-TERR-01: a branch opportunity for a customer located in another
        branch's province is blocked."""
        bj_customer = self.new_customer(
            self.users["bj.consultant"],
            name="北京朝阳服饰",
            state_id=self.beijing_state.id,
        )
        with self.assertRaises(UserError):
            bj_customer._scm_assert_branch_may_work(self.wuhan)
        with self.assertRaises(UserError):
            self.env["crm.lead"].create(
                {
                    "name": "越界商机",
                    "partner_id": bj_customer.id,
                    "company_id": self.wuhan.id,
                }
            )
        bj_customer._scm_assert_branch_may_work(self.beijing)

    def _open_area_request(self, user, **vals):
        values = {
            "company_id": user.company_id.id,
            "state_ids": [(6, 0, self.hunan.ids)],
            "marketing_plan": "<p>湖南市场开发计划</p>",
        }
        values.update(vals)
        return self.env["scm.sales.area.request"].with_user(user).create(values)

    def test_sal_terr_02_open_area_needs_approved_request(self):
        """SAL-TERR-02: a branch works an HQ open area only after MSD approved
        its request with the marketing plan; progress is then reported."""
        manager = self.users["wh.manager"]
        with self.assertRaisesRegex(UserError, "open area|开放"):
            self.new_customer(manager, name="长沙湘绣服饰", state_id=self.hunan.id)
        request = self._open_area_request(manager, marketing_plan=False)
        with self.assertRaisesRegex(UserError, "plan|计划"):
            request.action_scm_submit()
        request.marketing_plan = "<p>参加湖南服装节，拜访 10 家重点企业</p>"
        with self.assertRaises(UserError):
            self.env["scm.sales.area.report"].with_user(manager).create(
                {"request_id": request.id, "summary": "尚未批准"}
            )
        request.action_scm_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(
            request.review_ids.mapped("reviewer_ids"), self.users["msd.manager"]
        )
        with self.assertRaises(UserError):
            self.approve(request, self.users["wh.manager"])
        self.assertEqual(
            request.state, "to_approve", "the branch cannot approve itself"
        )
        self.approve(request, self.users["msd.manager"])
        self.assertEqual(request.state, "approved")
        customer = self.new_customer(
            manager, name="长沙湘绣服饰", state_id=self.hunan.id
        )
        self.assertEqual(customer.company_id, self.wuhan)
        report = (
            self.env["scm.sales.area.report"]
            .with_user(manager)
            .create({"request_id": request.id, "summary": "已拜访 3 家企业"})
        )
        self.assertEqual(request.report_ids, report)

    def test_sal_terr_03_service_branch_set_by_mcd_and_credited(self):
        """SAL-TERR-03: only MCD designates the service branch of a customer
        outside the branch's area; its service revenue goes to that branch."""
        customer = self.new_customer(
            self.users["bj.consultant"],
            name="保定燕赵制衣",
            state_id=self.beijing_state.id,
            scm_customer_class="signed",
        )
        with self.assertRaises(UserError):
            customer.with_user(self.users["bj.manager"]).write(
                {"scm_service_company_id": self.wuhan.id}
            )
        customer.with_user(self.users["mcd.manager"]).write(
            {"scm_service_company_id": self.wuhan.id}
        )
        self.assertEqual(customer._scm_revenue_company(service=True), self.wuhan)
        self.assertEqual(customer._scm_revenue_company(), self.beijing)
        customer._scm_assert_branch_may_work(self.wuhan)

    def test_sal_terr_04_msd_dispatch_cannot_be_undone_by_branch(self):
        """SAL-TERR-04: the MSD Manager moves a customer and its opportunity to
        another branch with a reason; branch users cannot move them back."""
        customer = self.new_customer(self.users["wh.consultant"], name="武汉江汉服饰")
        lead = (
            self.env["crm.lead"]
            .with_user(self.users["wh.consultant"])
            .create(
                {
                    "name": "江汉服饰 SCMS",
                    "partner_id": customer.id,
                    "type": "opportunity",
                }
            )
        )
        wizard = (
            self.env["scm.customer.reassign"]
            .with_user(self.users["msd.manager"])
            .create(
                {
                    "partner_ids": [(6, 0, customer.ids)],
                    "lead_ids": [(6, 0, lead.ids)],
                    "reason_type": "dispatch",
                    "company_id": self.beijing.id,
                    "user_id": self.users["bj.consultant"].id,
                    "reason": "北京分公司已与其集团总部接洽",
                }
            )
        )
        wizard.action_apply()
        customer, lead = customer.sudo(), lead.sudo()
        self.assertEqual(customer.company_id, self.beijing)
        self.assertEqual(lead.company_id, self.beijing)
        self.assertEqual(customer.scm_dispatched_by_id, self.users["msd.manager"])
        self.assertIn("北京分公司已与其集团总部接洽", customer.message_ids[0].body)
        customer._scm_assert_branch_may_work(self.beijing)
        with self.assertRaises(UserError):
            customer.with_user(self.users["bj.manager"]).write(
                {"company_id": self.wuhan.id}
            )
        with self.assertRaises(UserError):
            lead.with_user(self.users["bj.manager"]).write(
                {"company_id": self.wuhan.id}
            )
        with self.assertRaises(UserError):
            self.env["scm.customer.reassign"].with_user(
                self.users["wh.manager"]
            ).create(
                {
                    "partner_ids": [(6, 0, customer.ids)],
                    "reason_type": "dispatch",
                    "company_id": self.wuhan.id,
                    "user_id": self.users["wh.consultant"].id,
                    "reason": "要回来",
                }
            ).action_apply()

    def test_sal_terr_05_msd_customers_routed_to_business_location(self):
        """SAL-TERR-05: an MSD-created customer in Hubei goes to Wuhan; one in
        an open area stays with MSD."""
        msd = self.users["msd.manager"]
        hubei_customer = self.new_customer(msd, name="孝感服饰", company_id=self.hq.id)
        self.assertEqual(hubei_customer.company_id, self.wuhan)
        open_customer = self.new_customer(
            msd, name="东莞制衣", company_id=self.hq.id, state_id=self.guangdong.id
        )
        self.assertEqual(open_customer.company_id, self.hq)
        self.assertFalse(open_customer.scm_territory_company_id)
