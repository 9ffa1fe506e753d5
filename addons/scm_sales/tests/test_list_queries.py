"""The marketing app's main lists cost as many queries for 30 rows as for 3.

Each test opens a list as the web client does after login (listing.py) as a
Wuhan consultant, the Wuhan branch manager and the MSD Manager at HQ, with
records they see; a list that reads something per row fails with the queries
that grow. Odoo's own opportunity list (the Pipeline menu) is the yardstick."""

from datetime import timedelta
from itertools import count

from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .common import ScmSalesCase
from .test_proposal import SECTIONS

CUSTOMERS = "scm_sales.action_scm_customer"
PROPOSALS = "scm_sales.action_scm_sales_proposal"
VISITS = "scm_sales.action_scm_customer_visit"
PIPELINE = "scm_sales.action_scm_pipeline"


@tagged("post_install", "-at_install")
class TestListQueries(ScmSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consultant = cls.users["wh.consultant"]
        cls.manager = cls.users["wh.manager"]
        cls.msd = cls.users["msd.manager"]
        cls.chufeng = cls.env.ref("scm_sales.partner_wh_chufeng")
        # The visits' customer: Wuhan's territory, owned by the consultant.
        cls.visited = (
            cls.Partner.with_user(cls.consultant)
            .sudo()
            .create(
                cls.customer_values(
                    name="武汉列表走访服饰有限公司",
                    company_id=cls.wuhan.id,
                    user_id=cls.consultant.id,
                )
            )
        )

    def setUp(self):
        super().setUp()
        self.serial = count(1)

    def assert_constant(self, action, user, make_records):
        assert_constant_list_queries(self, action, user, make_records)

    # -- the records, made as cheaply as the list still reads them whole ----------
    def make_customers(self, number):
        """Wuhan customer files owned by the consultant; every other one has
        waited more than a week for its first contact (the red rows)."""
        partners = (
            self.Partner.with_user(self.consultant)
            .sudo()
            .create(
                [
                    self.customer_values(
                        name=f"武汉列表测试服饰{next(self.serial)}有限公司",
                        company_id=self.wuhan.id,
                        user_id=self.consultant.id,
                    )
                    for _index in range(number)
                ]
            )
        )
        partners[::2].write(
            {"scm_assigned_date": fields.Datetime.now() - timedelta(days=10)}
        )

    def make_proposals(self, number):
        """Wuhan proposals of the consultant; every third one signed and sent
        to MSD (under review, with its deadline and activities)."""
        proposals = (
            self.env["scm.sales.proposal"]
            .with_user(self.consultant)
            .sudo()
            .create(
                [
                    {
                        "title": f"楚风服饰 SCMS 改造项目 {next(self.serial)}",
                        "company_id": self.wuhan.id,
                        "partner_id": self.chufeng.id,
                        "consultant_id": self.consultant.id,
                        **SECTIONS,
                    }
                    for _index in range(number)
                ]
            )
        )
        for proposal in proposals[::3]:
            proposal.with_user(self.manager).action_branch_sign()
            proposal.with_user(self.manager).action_scm_submit()

    def make_visits(self, number):
        """Visits the consultant plans next week; every other one submitted
        to the branch manager."""
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=7)
        visits = (
            self.env["scm.customer.visit"]
            .with_user(self.consultant)
            .sudo()
            .create(
                [
                    {
                        "partner_id": self.visited.id,
                        "company_id": self.wuhan.id,
                        "user_id": self.consultant.id,
                        "planned_start": start + timedelta(hours=next(self.serial)),
                        "plan": "到客户总部介绍SCMS运作链管理方案",
                        "objectives": "了解客户的库存管理问题，约定技术交流",
                    }
                    for _index in range(number)
                ]
            )
        )
        for visit in visits[::2]:
            visit.with_user(self.consultant).action_scm_submit()

    def lead_maker(self, user):
        """Opportunities `user` sees in the company the web client gives them:
        the Wuhan consultant's for the branch, the user's own at HQ (crm.lead
        follows the active company). Every other one has a to-do for its
        owner and every third one a to-do for the branch manager, as the
        contracts under approval have theirs (the list shows the next
        activity and its assignee)."""
        branch = user.company_id == self.wuhan
        owner = self.consultant if branch else user
        partner = (
            self.chufeng if branch else self.env.ref("scm_sales.partner_hq_lingnan")
        )

        def make_leads(number):
            leads = (
                self.env["crm.lead"]
                .with_user(owner)
                .sudo()
                .create(
                    [
                        {
                            "name": f"SCMS 商机 {next(self.serial)}",
                            "type": "opportunity",
                            "company_id": user.company_id.id,
                            "user_id": owner.id,
                            "partner_id": partner.id,
                            "expected_revenue": 300000,
                        }
                        for _index in range(number)
                    ]
                )
            )
            for index, lead in enumerate(leads):
                if index % 2 == 0:
                    lead.activity_schedule(
                        "mail.mail_activity_data_todo", user_id=owner.id
                    )
                if index % 3 == 0:
                    lead.activity_schedule(
                        "mail.mail_activity_data_todo", user_id=self.manager.id
                    )

        return make_leads

    # -- customer files -------------------------------------------------------------
    def test_customer_list_consultant(self):
        """Customer Files as the Wuhan consultant (their own files)."""
        self.assert_constant(CUSTOMERS, self.consultant, self.make_customers)

    def test_customer_list_branch_manager(self):
        """Customer Files as the Wuhan branch manager (the branch's files)."""
        self.assert_constant(CUSTOMERS, self.manager, self.make_customers)

    def test_customer_list_hq(self):
        """Customer Files as the MSD Manager at HQ (every branch's files)."""
        self.assert_constant(CUSTOMERS, self.msd, self.make_customers)

    # -- EMT proposals --------------------------------------------------------------
    def test_proposal_list_consultant(self):
        """EMT Proposals as the Wuhan consultant."""
        self.assert_constant(PROPOSALS, self.consultant, self.make_proposals)

    def test_proposal_list_branch_manager(self):
        """EMT Proposals as the Wuhan branch manager."""
        self.assert_constant(PROPOSALS, self.manager, self.make_proposals)

    def test_proposal_list_hq(self):
        """EMT Proposals as the MSD Manager at HQ."""
        self.assert_constant(PROPOSALS, self.msd, self.make_proposals)

    # -- customer visits ------------------------------------------------------------
    def test_visit_list_consultant(self):
        """Customer Visits as the Wuhan consultant."""
        self.assert_constant(VISITS, self.consultant, self.make_visits)

    def test_visit_list_branch_manager(self):
        """Customer Visits as the Wuhan branch manager."""
        self.assert_constant(VISITS, self.manager, self.make_visits)

    def test_visit_list_hq(self):
        """Customer Visits as the MSD Manager at HQ."""
        self.assert_constant(VISITS, self.msd, self.make_visits)

    # -- Odoo's opportunity list, the yardstick ---------------------------------------
    def test_pipeline_list_consultant(self):
        """Pipeline (Odoo's opportunity list) as the Wuhan consultant."""
        self.assert_constant(
            PIPELINE, self.consultant, self.lead_maker(self.consultant)
        )

    def test_pipeline_list_branch_manager(self):
        """Pipeline (Odoo's opportunity list) as the Wuhan branch manager."""
        self.assert_constant(PIPELINE, self.manager, self.lead_maker(self.manager))

    def test_pipeline_list_hq(self):
        """Pipeline (Odoo's opportunity list) as the MSD Manager at HQ."""
        self.assert_constant(PIPELINE, self.msd, self.lead_maker(self.msd))
