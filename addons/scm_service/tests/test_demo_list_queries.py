"""The main lists of customer service and the SLA report cost as many
queries for many records as for a few (issue 12), opened as the web client
does (scm_base/tests/listing.py): the SLA report's list and pivot, service
plans, escalations, disc requests and bulletins."""

from datetime import date, timedelta
from itertools import count

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today
from odoo.addons.scm_base.tests.listing import (
    assert_constant_list_queries,
    recorded_queries,
    user_client_env,
)

from .common import ScmServiceCase

# The SLA report's pivot: rows branch and category, columns channel and the
# two SLA results (on site within 2 h, HQ answer within 2 WD).
PIVOT_GROUPINGS = (
    [],
    ["company_id"],
    ["channel_id"],
    ["company_id", "channel_id"],
    ["company_id", "scm_onsite_sla_result"],
    ["category_id", "scm_hq_sla_result"],
)


@tagged("post_install", "-at_install")
class TestServiceListQueries(ScmServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.phone = ref("scm_service.channel_phone")
        cls.onsite = ref("scm_service.channel_onsite")
        cls.item = ref("scm_service.category_support_02")

    def setUp(self):
        super().setUp()
        self.serial = count(1)

    # -- the SLA report (SVC-RESP-03, SVC-HQ-02) ----------------------------------
    def make_requests(self, number):
        """Requests of both SLAs: on-site ones arrived, phone ones escalated
        to HQ by the Branch Manager."""
        Ticket = self.as_client(self.env["helpdesk.ticket"], self.wh_consultant2)
        for index in range(number):
            serial = next(self.serial)
            if index % 2:
                ticket = Ticket.create(
                    {
                        "name": f"现场请求 {serial:03d}",
                        "description": "<p>现场问题</p>",
                        "partner_id": self.hanjiang.id,
                        "channel_id": self.onsite.id,
                        "category_id": self.item.id,
                        "scm_promised_arrival": fields.Datetime.now()
                        + timedelta(hours=1),
                    }
                )
                ticket.action_scm_record_arrival()
            else:
                ticket = Ticket.create(
                    {
                        "name": f"电话请求 {serial:03d}",
                        "description": "<p>电话问题</p>",
                        "partner_id": self.hanjiang.id,
                        "channel_id": self.phone.id,
                        "category_id": self.item.id,
                        "scm_interim_measures": "临时措施",
                    }
                )
                self.as_client(ticket, self.wh_manager).action_scm_request_escalation()

    def pivot_queries(self, env):
        """The queries of the SLA report's pivot: one read_group per
        grouping the web client asks for, with the count measure."""
        Ticket = env["helpdesk.ticket"]
        # Each measure starts from an empty record cache, as a new request.
        env.invalidate_all()
        with recorded_queries(env) as queries:
            for groupby in PIVOT_GROUPINGS:
                Ticket.read_group([], ["__count"], groupby, lazy=False)
        return len(queries)

    def test_sla_report_list_constant_queries(self):
        """The SLA report's list as the TSMS (every branch)."""
        assert_constant_list_queries(
            self,
            "scm_service.action_scm_service_request_report",
            self.tsms,
            self.make_requests,
        )

    def test_sla_report_pivot_constant_queries(self):
        """The SLA report's pivot as MCD's manager: as many queries for 30
        requests as for 4."""
        env = user_client_env(self.env, self.mcd_manager)
        self.make_requests(4)
        self.pivot_queries(env)  # the rules and caches the first call loads
        few = self.pivot_queries(env)
        self.make_requests(26)
        many = self.pivot_queries(env)
        self.assertEqual(few, many)
        groups = env["helpdesk.ticket"].read_group(
            [("scm_hq_sla_result", "!=", False)], ["__count"], ["scm_hq_sla_result"]
        )
        self.assertGreaterEqual(sum(g["scm_hq_sla_result_count"] for g in groups), 15)

    # -- service plans (SVC-PLAN-01) -------------------------------------------------
    def test_plan_list_constant_queries(self):
        """Service plans as their consultant, one per J contract in force."""
        base = self.make_service_contract(self.hanjiang)
        Plan = self.as_client(self.env["scm.service.plan"], self.wh_consultant2)

        def make_plans(number):
            for _index in range(number):
                contract = base.sudo().copy(
                    {"title": f"汉江技术服务合同 {next(self.serial):03d}"}
                )
                contract.write({"stage": "effective", "effective_date": china_today()})
                Plan.create({"contract_id": contract.id})

        assert_constant_list_queries(
            self,
            "scm_service.action_customers_plan",
            self.wh_consultant2,
            make_plans,
            small=2,
            large=12,
        )

    # -- escalations (SVC-HQ-02) -----------------------------------------------------
    def test_escalation_list_constant_queries(self):
        """Escalations as the TSMS, sent to HQ by the Branch Manager."""
        Escalation = self.as_client(
            self.env["scm.service.escalation"], self.wh_consultant2
        )

        def make_escalations(number):
            for _index in range(number):
                escalation = Escalation.create(
                    {
                        "category_id": self.item.id,
                        "channel": "phone",
                        "subject": f"问题 {next(self.serial):03d}",
                        "description": "分公司无法解决。",
                        "partner_id": self.hanjiang.id,
                    }
                )
                self.as_client(escalation, self.wh_manager).action_send()

        assert_constant_list_queries(
            self,
            "scm_service.action_scm_service_escalation",
            self.tsms,
            make_escalations,
        )

    # -- disc requests (SVC-DISC) ----------------------------------------------------
    def test_disc_list_constant_queries(self):
        """Disc requests as the Branch Manager, signed and sent."""
        Disc = self.as_client(self.env["scm.disc.request"], self.wh_manager)

        def make_requests(number):
            for _index in range(number):
                request = Disc.create(
                    {
                        "disc_type": "official",
                        "partner_id": self.hanjiang.id,
                        "product": "SCMS 服装版",
                        "version": f"V8.{next(self.serial)}",
                        "requested_date": china_today() + timedelta(days=10),
                    }
                )
                request.action_sign_branch()
                request.action_send()

        assert_constant_list_queries(
            self,
            "scm_service.action_scm_disc_request",
            self.wh_manager,
            make_requests,
        )

    # -- bulletins (SVC-HQ-03) -------------------------------------------------------
    def test_bulletin_list_constant_queries(self):
        """Bulletins as MCD's consultant, one per month."""
        Bulletin = self.as_client(self.env["scm.service.bulletin"], self.mcd_consultant)

        def make_bulletins(number):
            for _index in range(number):
                month = date(2010, 1, 1) + relativedelta(months=next(self.serial))
                Bulletin.create({"month": month})

        assert_constant_list_queries(
            self,
            "scm_service.action_scm_service_bulletin",
            self.mcd_consultant,
            make_bulletins,
        )
