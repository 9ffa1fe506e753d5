"""The service request on OCA's ticket (SVC-SCOPE, SVC-RESP, SVC-STD,
SUP-SVCN-01): kind, catalogue and channels, the two-hour commitments, the
escalation to HQ, the channel's record, the service standards, SLAs and who
sees what."""

from contextlib import contextmanager
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmServiceCase


@tagged("post_install", "-at_install")
class TestRequestsTicket(ScmServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.phone = ref("scm_service.channel_phone")
        cls.onsite = ref("scm_service.channel_onsite")
        cls.remote = ref("scm_service.channel_remote")
        cls.item_usage = ref("scm_service.category_support_02")
        cls.item_report = ref("scm_service.category_development_03")
        cls.item_data_fix = ref("scm_service.category_support_06")
        cls.item_hardware = ref("scm_service.category_support_13")
        cls.bj_manager = ref("scm_base.user_bj_manager")
        branch = {"is_company": True, "company_id": cls.wuhan.id}
        branch["user_id"] = cls.wh_consultant2.id
        cls.walkin = cls.env["res.partner"].create(
            {"name": "无合同客户（测试）", **branch}
        )
        cls.contract_customer = cls.env["res.partner"].create(
            {"name": "技术服务客户（测试）", **branch}
        )
        cls.make_service_contract(cls.contract_customer)

    @contextmanager
    def refused(self, exception, text):
        """Refused with a clear message, and nothing written (savepoint)."""
        with self.assertRaises(exception) as catcher:
            yield
        self.assertIn(text, str(catcher.exception))

    def make_request(self, user=None, **vals):
        values = {
            "name": "系统无法登录",
            "description": "<p>客户来电：系统无法登录</p>",
            "partner_id": self.contract_customer.id,
            "channel_id": self.phone.id,
            "category_id": self.item_usage.id,
        }
        values.update(vals)
        return self.as_client(self.Ticket, user or self.wh_consultant2).create(values)

    def onsite_vals(self, promise=timedelta(hours=1), **vals):
        return {
            "channel_id": self.onsite.id,
            "scm_urgent": True,
            "scm_promised_arrival": fields.Datetime.now() + promise,
            **vals,
        }

    # -- catalogue, channels, teams --
    def test_svc_scope_04_05_catalogue_and_channels_seeded(self):
        """SVC-SCOPE-04, SVC-SCOPE-05: three categories with their items,
        three channels; SVC-SCOPE-03: every service record needs an item of
        the catalogue and one of the channels."""
        Category = self.env["helpdesk.ticket.category"]
        tops = Category.search(
            [("parent_id", "=", False), ("id", "in", self._xml_categories())]
        )
        self.assertEqual(len(tops), 3)
        self.assertEqual(sorted(len(top.child_id) for top in tops), [5, 10, 13])
        channels = self.env["helpdesk.ticket.channel"].search(
            [("scm_code", "!=", False)]
        )
        self.assertEqual(
            sorted(channels.mapped("scm_code")), ["onsite", "phone", "remote"]
        )
        with self.refused(ValidationError, "service item"):
            self.make_request(category_id=tops[0].id)
        with self.refused(ValidationError, "channel"):
            self.make_request(
                channel_id=self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id
            )

    def _xml_categories(self):
        return (
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "scm_service"),
                    ("model", "=", "helpdesk.ticket.category"),
                ]
            )
            .mapped("res_id")
        )

    def test_teams_per_branch_and_new_branch(self):
        """Every branch and HQ has its service team with SLAs; a new branch
        gets one; a request gets its branch's team."""
        Team = self.env["helpdesk.ticket.team"]
        for company in self.env["res.company"].search([]):
            self.assertTrue(Team._scm_team_for_company(company), company.name)
        wh_team = Team._scm_team_for_company(self.wuhan)
        self.assertIn(self.wh_consultant2, wh_team.user_ids)
        self.assertTrue(wh_team.use_sla)
        hq_team = Team._scm_team_for_company(self.env.ref("base.main_company"))
        self.assertIn(self.tsms, hq_team.user_ids)
        ticket = self.make_request()
        self.assertEqual(ticket.team_id, wh_team)
        self.assertEqual(ticket.company_id, self.wuhan)
        branch = self.env["res.company"].create(
            {
                "name": "测试分公司",
                "parent_id": self.env.ref("base.main_company").id,
                "scm_code": "TS",
            }
        )
        self.assertTrue(Team._scm_team_for_company(branch))

    # -- kind (SVC-SCOPE-01, SVC-STD-01) --------------------------------------
    def test_svc_scope_01_request_kind(self):
        """SVC-SCOPE-01: contract service under the J/R contract in force,
        time-billed otherwise."""
        ticket = self.make_request(partner_id=self.contract_customer.id)
        self.assertEqual(ticket.scm_service_kind, "contract")
        self.assertEqual(
            ticket.scm_contract_id, self.contract_customer._scm_service_contract()
        )
        billed = self.make_request(partner_id=self.walkin.id)
        self.assertEqual(billed.scm_service_kind, "time_billed")
        self.assertFalse(billed.scm_contract_id)

    def test_svc_std_01_request_in_run_in_links_the_project(self):
        """SVC-STD-01: a request during the run-in belongs to the project."""
        project = self.project.sudo()
        project.write(
            {"scm_runin_start": fields.Date.context_today(project) - timedelta(days=2)}
        )
        ticket = self.make_request(
            user=self.wh_consultant, partner_id=project.partner_id.id
        )
        self.assertEqual(ticket.scm_service_kind, "project")
        self.assertEqual(ticket.project_id, project)

    # -- SVC-RESP-02/03 -------------------------------------------------------
    def test_svc_resp_02_received_and_first_response_on_server_clock(self):
        """SVC-RESP-02: the client cannot set the received time; the first
        response is stamped by its step."""
        past = fields.Datetime.now() - timedelta(days=3)
        ticket = self.make_request(scm_received_date=past)
        self.assertGreater(ticket.scm_received_date, past + timedelta(days=2))
        with self.assertRaises(UserError):
            ticket.write({"scm_first_response_date": past})
        ticket.action_scm_first_response()
        self.assertTrue(ticket.scm_first_response_date)
        self.assertEqual(ticket.scm_status, "surveyed")

    def test_svc_resp_03_onsite_needs_promised_arrival(self):
        """SVC-RESP-03, SUP-SVCN-01: on-site or urgent requests need a
        promised arrival; nothing is written without it."""
        before = self.Ticket.sudo().search_count([])
        with self.refused(ValidationError, "promise"):
            self.make_request(channel_id=self.onsite.id)
        with self.refused(ValidationError, "promise"):
            self.make_request(scm_urgent=True)
        self.assertEqual(self.Ticket.sudo().search_count([]), before)

    def test_svc_resp_03_two_hour_boundary(self):
        """SVC-RESP-03: a promise 1h59 after the request is fine; 2h01 needs
        a reason."""
        ticket = self.make_request(
            **self.onsite_vals(promise=timedelta(hours=1, minutes=59))
        )
        self.assertFalse(ticket.scm_promise_over_2h)
        late = ticket.scm_received_date + timedelta(hours=2, minutes=1)
        with self.refused(ValidationError, "reason"):
            ticket.write({"scm_promised_arrival": late})
        ticket.write({"scm_promised_arrival": late, "scm_arrival_reason": "路途远"})
        self.assertTrue(ticket.scm_promise_over_2h)

    def test_svc_resp_03_arrival_met_and_late(self):
        """SVC-RESP-03: an arrival within 2 h meets the round-the-clock SLA;
        one later than promised is flagged and misses it."""
        now = fields.Datetime.now()
        met = self.make_request(**self.onsite_vals())
        met.sudo().write({"scm_received_date": now - timedelta(hours=1, minutes=59)})
        met.action_scm_record_arrival()
        self.assertEqual(met.scm_onsite_sla_result, "met")
        self.assertFalse(met.scm_arrival_late)
        sla = met.ticket_sla_ids.filtered(
            lambda s: s.sla_id == self.env.ref("scm_service.sla_onsite_2h")
        )
        self.assertEqual(sla.state, "accomplished")
        late = self.make_request(**self.onsite_vals())
        late.sudo().write(
            {
                "scm_received_date": now - timedelta(hours=2, minutes=1),
                "scm_promised_arrival": now - timedelta(minutes=5),
            }
        )
        late.action_scm_record_arrival()
        self.assertTrue(late.scm_arrival_late)
        self.assertEqual(late.scm_onsite_sla_result, "late")
        self.assertEqual(late.ticket_sla_ids.state, "expired")
        self.assertTrue(
            self.Ticket.search_count(
                [("id", "=", late.id), ("scm_arrival_late", "=", True)]
            )
        )

    # -- SVC-RESP-04, SUP-SVCN-01: escalation ---------------------------------
    def test_svc_resp_04_escalation_with_manager_approval(self):
        """SVC-RESP-04, SUP-SVCN-01: interim measures required; the Branch
        Manager approves; HQ replies within 2 WD; beyond 2 h flagged."""
        ticket = self.make_request()
        with self.refused(UserError, "interim measures"):
            ticket.action_scm_request_escalation()
        ticket.write({"scm_interim_measures": "先用手工单据过渡"})
        ticket.action_scm_request_escalation()
        self.assertEqual(ticket.scm_escalation_state, "requested")
        self.assertTrue(ticket._scm_deadlines("SUP-SVCN-01", self.wh_manager))
        with self.refused(UserError, "Branch Manager"):
            ticket.action_scm_approve_escalation()
        ticket.sudo().write(
            {
                "scm_received_date": ticket.scm_received_date
                - timedelta(hours=2, minutes=1)
            }
        )
        self.as_client(ticket, self.wh_manager).action_scm_approve_escalation()
        self.assertEqual(ticket.scm_escalation_state, "approved")
        self.assertEqual(ticket.scm_escalation_approver_id, self.wh_manager)
        self.assertTrue(ticket.scm_escalation_late)
        self.assertFalse(ticket._scm_deadlines("SUP-SVCN-01"))
        hq_sla = ticket.ticket_sla_ids.filtered(
            lambda s: s.sla_id == self.env.ref("scm_service.sla_hq_answer_2wd")
        )
        self.assertEqual(hq_sla.state, "in_progress")
        with self.assertRaises(UserError):
            ticket.action_scm_hq_reply()
        # Replying on the request answers its escalation record: the TSMS
        # writes the result there first (both sides agree).
        escalation = self.env["scm.service.escalation"].search(
            [("ticket_id", "=", ticket.id)]
        )
        with self.refused(UserError, "Write the result"):
            self.as_client(ticket, self.tsms).action_scm_hq_reply()
        self.as_client(escalation, self.tsms).write({"feedback": "重装打印驱动"})
        self.as_client(ticket, self.tsms).action_scm_hq_reply()
        self.assertEqual(escalation.state, "answered")
        self.assertEqual(escalation.answered_date, ticket.scm_hq_reply_date)
        self.assertEqual(ticket.scm_status, "replied")
        self.assertEqual(ticket.scm_hq_sla_result, "met")
        self.assertEqual(hq_sla.state, "accomplished")

    def test_sup_svcn_01_branch_manager_is_his_branchs_not_the_switchers(self):
        """SUP-SVCN-01 / ORG-RULE-08: a Beijing branch manager who may also
        open Wuhan in the company switcher is not Wuhan's Branch Manager: he
        cannot approve the escalation of a Wuhan request, nor take its
        service steps; Wuhan's own manager can."""
        ticket = self.make_request()
        ticket.write({"scm_interim_measures": "先用手工单据过渡"})
        ticket.action_scm_request_escalation()
        intruder = self.users["bj.manager"]
        intruder.sudo().write({"company_ids": [(4, self.wuhan.id)]})
        as_intruder = ticket.with_user(intruder).with_context(
            allowed_company_ids=[self.beijing.id, self.wuhan.id]
        )
        with self.assertRaises(UserError):
            as_intruder.action_scm_approve_escalation()
        self.assertEqual(ticket.scm_escalation_state, "requested")
        self.as_client(ticket, self.wh_manager).action_scm_approve_escalation()
        self.assertEqual(ticket.scm_escalation_state, "approved")

    def test_svc_resp_04_escalation_within_2h_not_flagged(self):
        """SVC-RESP-04: escalated 1h59 after the request: not flagged."""
        ticket = self.make_request(scm_interim_measures="远程临时处理")
        ticket.sudo().write(
            {
                "scm_received_date": fields.Datetime.now()
                - timedelta(hours=1, minutes=59)
            }
        )
        self.as_client(ticket, self.wh_manager).action_scm_request_escalation()
        self.assertEqual(ticket.scm_escalation_state, "approved")
        self.assertFalse(ticket.scm_escalation_late)

    def test_svc_hq_02_sla_working_days_across_weekend_and_tiaoxiu(self):
        """SVC-HQ-02 (SLA): 2 working days, counted with scm.workday: from
        Friday across the weekend to Tuesday; from the Friday before the
        调休 Saturday 2026-05-09 to Monday."""
        ticket = self.make_request(scm_interim_measures="临时措施")
        self.as_client(ticket, self.wh_manager).action_scm_request_escalation()
        sla = ticket.ticket_sla_ids.filtered(
            lambda s: s.sla_id == self.env.ref("scm_service.sla_hq_answer_2wd")
        )
        # Friday 2026-01-09 10:00 in Shanghai.
        ticket.sudo().write({"scm_escalation_date": datetime(2026, 1, 9, 2, 0)})
        self.assertEqual(sla._scm_due(), datetime(2026, 1, 13, 15, 59, 59))
        # Friday 2026-05-08: Saturday 05-09 is a 调休 working day.
        ticket.sudo().write({"scm_escalation_date": datetime(2026, 5, 8, 2, 0)})
        self.assertEqual(sla._scm_due(), datetime(2026, 5, 11, 15, 59, 59))
        ticket.sudo().write({"scm_hq_reply_date": datetime(2026, 5, 11, 15, 0)})
        self.assertEqual(ticket.scm_hq_sla_result, "met")
        ticket.sudo().write({"scm_hq_reply_date": datetime(2026, 5, 11, 16, 30)})
        self.assertEqual(ticket.scm_hq_sla_result, "late")

    def test_svc_resp_04_escalation_hands_over_to_hq_model(self):
        """SVC-HQ-02 hook: after approval, HQ's escalation record is created
        when the `hq` area's model is installed."""
        ticket = self.make_request(scm_interim_measures="临时措施")
        self.as_client(ticket, self.wh_manager).action_scm_approve_escalation()
        if "scm.service.escalation" in self.env:
            Escalation = self.env["scm.service.escalation"].sudo()
            links = [
                name
                for name, field in Escalation._fields.items()
                if field.type == "many2one" and field.comodel_name == "helpdesk.ticket"
            ]
            self.assertTrue(links)
            self.assertTrue(Escalation.search_count([(links[0], "=", ticket.id)]))
        self.assertEqual(ticket.scm_escalation_state, "approved")

    # -- SVC-RESP-05/06 -------------------------------------------------------
    def test_svc_resp_05_unresolved_needs_promised_resolution(self):
        """SVC-RESP-05: unresolved on site needs a promised resolution date,
        tracked as a deadline closed with the request."""
        ticket = self.make_request(**self.onsite_vals())
        with self.refused(ValidationError, "resolution"):
            ticket.write({"scm_onsite_result": "unresolved"})
        ticket.write(
            {
                "scm_onsite_result": "unresolved",
                "scm_promised_resolution": fields.Datetime.now() + timedelta(days=2),
            }
        )
        self.assertTrue(ticket._scm_deadlines("SVC-RESP-05"))
        ticket.write(
            {
                "scm_customer_signatory": "王经理",
                "scm_customer_signature": "iVBORw0KGgo=",
            }
        )
        ticket.action_scm_close()
        self.assertTrue(ticket.closed)
        self.assertFalse(ticket._scm_deadlines("SVC-RESP-05"))

    def test_svc_resp_06_closing_needs_the_channel_record(self):
        """SVC-RESP-06: a phone request closes with its phone record; an
        on-site one with the customer-signed work order."""
        phone = self.make_request()
        with self.refused(UserError, "phone record"):
            phone.action_scm_close()
        self.assertFalse(phone.closed)
        phone.write({"scm_phone_record": "指导客户重置密码，已解决"})
        phone.action_scm_close()
        self.assertTrue(phone.closed)
        self.assertTrue(phone.scm_first_response_date)
        onsite = self.make_request(**self.onsite_vals(scm_onsite_result="resolved"))
        with self.refused(UserError, "Work Order"):
            onsite.action_scm_close()
        onsite.write(
            {
                "scm_customer_signatory": "王经理",
                "scm_customer_signature": "iVBORw0KGgo=",
            }
        )
        onsite.action_scm_close()
        self.assertTrue(onsite.closed)
        report = self.env.ref("scm_service.action_report_scm_service_workorder")
        html = report._render_qweb_html(report.report_name, onsite.ids)[0]
        self.assertIn(b"Customer Signature", html)

    # -- SVC-STD-02/03 --------------------------------------------------------
    def test_svc_std_02_third_free_report_refused(self):
        """SVC-STD-02: two free query/statistical reports per service year;
        the third is refused as free and accepted billed."""
        vals = {
            "partner_id": self.contract_customer.id,
            "category_id": self.item_report.id,
        }
        self.make_request(**vals)
        self.make_request(**vals)
        with self.refused(ValidationError, "free"):
            self.make_request(**vals)
        third = self.make_request(scm_report_free=False, **vals)
        self.assertEqual(third.scm_service_kind, "contract")

    def test_svc_std_02_data_fix_needs_user_backup(self):
        """SVC-STD-02 (h): data fixes only with the user's backup."""
        with self.refused(ValidationError, "backup"):
            self.make_request(category_id=self.item_data_fix.id)
        with self.refused(ValidationError, "backup"):
            self.make_request(category_id=self.item_data_fix.id, scm_user_backup=True)
        ticket = self.make_request(
            category_id=self.item_data_fix.id,
            scm_user_backup=True,
            scm_backup_file="YmFja3Vw",
        )
        self.assertTrue(ticket.scm_user_backup)

    def test_svc_std_03_time_billed_rules(self):
        """SVC-STD-03, SUP-SVCN-01: phone or on site only, never hardware
        installation; no work before the confirmed quote; closing needs
        start, end and fee."""
        vals = {"partner_id": self.walkin.id}
        with self.refused(ValidationError, "phone or on site"):
            self.make_request(channel_id=self.remote.id, **vals)
        with self.refused(ValidationError, "hardware"):
            self.make_request(category_id=self.item_hardware.id, **vals)
        ticket = self.make_request(**vals)
        now = fields.Datetime.now()
        with self.refused(ValidationError, "quote"):
            ticket.write({"scm_work_start": now})
        with self.refused(UserError, "quote"):
            ticket.action_scm_confirm_quote()
        ticket.write({"scm_quote_amount": 800})
        ticket.action_scm_confirm_quote()
        ticket.write(
            {
                "scm_work_start": now,
                "scm_work_end": now + timedelta(hours=3),
                "scm_phone_record": "电话指导",
            }
        )
        self.assertEqual(ticket.scm_work_hours, 3)
        with self.refused(UserError, "fee"):
            ticket.action_scm_close()
        ticket.write({"scm_fee": 800})
        ticket.action_scm_close()
        self.assertTrue(ticket.closed)

    # -- SVC-RESP-01 ----------------------------------------------------------
    def test_svc_resp_01_holiday_greeting_tasks(self):
        """SVC-RESP-01: 3 days before a public holiday, one to-do per active
        service customer on its consultant; not twice."""
        Workday = self.env["scm.workday"]
        day = fields.Date.context_today(self.Ticket) + timedelta(days=3)
        start = Workday._end_of_day(day - timedelta(days=1)) + timedelta(seconds=1)
        self.env["resource.calendar.leaves"].create(
            {
                "name": "测试节日",
                "calendar_id": self.env.ref("scm_base.resource_calendar_china").id,
                "date_from": start,
                "date_to": start + timedelta(hours=23),
                "time_type": "leave",
            }
        )
        self.contract_customer.user_id = self.wh_consultant2
        activities = self.Ticket._scm_cron_holiday_greetings()
        mine = activities.filtered(lambda a: a.res_id == self.contract_customer.id)
        self.assertEqual(len(mine), 1)
        self.assertIn("测试节日", mine.summary)
        self.assertFalse(
            self.Ticket._scm_cron_holiday_greetings().filtered(
                lambda a: a.res_id == self.contract_customer.id
            )
        )

    # -- who sees what --
    def test_roles_branch_hq_audit(self):
        """wh.consultant2 records an urgent on-site request from 汉江;
        bj.manager cannot read it; mcd.tsms reads it; audit.staff reads it
        and cannot write."""
        ticket = self.make_request(partner_id=self.hanjiang.id, **self.onsite_vals())
        self.assertTrue(ticket.scm_urgent)
        with self.assertRaises(AccessError):
            self.as_client(ticket, self.bj_manager).read(["name"])
        self.assertFalse(
            self.as_client(self.Ticket, self.bj_manager).search(
                [("id", "=", ticket.id)]
            )
        )
        self.assertEqual(self.as_client(ticket, self.tsms).name, ticket.name)
        self.assertEqual(self.as_client(ticket, self.auditor).name, ticket.name)
        with self.assertRaises(AccessError):
            self.as_client(ticket, self.auditor).write({"name": "改"})
        self.assertEqual(self.as_client(ticket, self.mcd_consultant).name, ticket.name)
        self.assertEqual(self.as_client(ticket, self.wh_manager).name, ticket.name)

    # -- name search --
    def test_request_found_by_number_title_and_customer_within_the_rules(self):
        """A service request is found in the dropdown and the search box by
        a piece of its number, of its title and of its customer's name, from
        one trigram-indexed column (issue 15); another branch finds none."""
        request = self.make_request(name="报表导出乱码")

        def found(text, user=self.wh_consultant2):
            tickets = self.Ticket.with_user(user).name_search(text, limit=100)
            return {row[0] for row in tickets}

        self.assertIn(request.id, found("导出乱码"))
        self.assertIn(request.id, found(request.number[-3:]))
        self.assertIn(request.id, found("技术服务客户"))
        self.assertNotIn(request.id, found("导出乱码xyz"))
        self.assertNotIn(request.id, found("导出乱码", self.bj_manager))
