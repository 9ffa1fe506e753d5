from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestServiceTours(HttpCase):
    """A service request in the browser, each step in its user's own login
    with the company selection the web client gives after login (tours in
    static/tests/tours/scm_service_request_tours.js)."""

    def test_svc_resp_04_escalation_asked_and_approved_in_the_browser(self):
        """SVC-RESP-02/04, SUP-SVCN-01: wh.consultant2, of Wuhan's service
        team, records the first response and the interim measures of a
        customer's request and asks to escalate it to HQ; wh.manager owes the
        approval the same day and approves it in his own login: the request
        is escalated, his deadline done, HQ's two working days running."""
        ref = self.env.ref
        staff = ref("scm_base.user_wh_consultant2")
        manager = ref("scm_base.user_wh_manager")
        customer = (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": "武汉导览客户（服务）",
                    "is_company": True,
                    "company_id": ref("scm_base.company_wh").id,
                    "user_id": staff.id,
                }
            )
        )
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(staff)
            .with_company(staff.company_id)
            .create(
                {
                    "name": "打印单据时系统报错",
                    "description": "<p>客户来电：打印出库单时系统报错。</p>",
                    "partner_id": customer.id,
                    "channel_id": ref("scm_service.channel_phone").id,
                    "category_id": ref("scm_service.category_support_02").id,
                }
            )
            .sudo()
        )
        self.assertFalse(ticket.scm_first_response_date)
        url = f"/odoo/action-scm_service.action_scm_service_request/{ticket.id}"
        self.start_tour(
            url, "scm_service_staff_asks_escalation", login="wh.consultant2"
        )
        self.assertTrue(ticket.scm_first_response_date)
        self.assertEqual(
            ticket.scm_interim_measures, "先用手工单据过渡，当天下班前回电。"
        )
        self.assertEqual(ticket.scm_escalation_state, "requested")
        self.assertTrue(ticket._scm_deadlines("SUP-SVCN-01", manager))

        self.start_tour(
            url, "scm_service_manager_approves_escalation", login="wh.manager"
        )
        self.assertEqual(ticket.scm_escalation_state, "approved")
        self.assertEqual(ticket.scm_escalation_approver_id, manager)
        self.assertFalse(ticket._scm_deadlines("SUP-SVCN-01"))
        hq_sla = ticket.ticket_sla_ids.filtered(
            lambda sla: sla.sla_id == ref("scm_service.sla_hq_answer_2wd")
        )
        self.assertEqual(hq_sla.state, "in_progress")
