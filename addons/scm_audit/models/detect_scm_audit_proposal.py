import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.tools import SQL

from odoo.addons.scm_projects.models.closing_payment_reminder import REPORT_DEADLINE
from odoo.addons.scm_projects.models.plans_delay_notice import NOTICE_DAYS
from odoo.addons.scm_projects.models.plans_project_plan import ISSUED_STATES

_logger = logging.getLogger(__name__)

# The manual's rule ID at the head of a deadline's code: "PRJ-BRD-05.1" and
# "SAL-CUST-02-SEND" are deadlines of PRJ-BRD-05 and SAL-CUST-02 (a finding
# names a rule of the manual, scm_audit_finding.RULE_CODE).
RULE_ID_PATTERN = "^(?:ORG|SAL|CON|PRJ|SVC|AUD|TRN|SUP)-[A-Z]+-[0-9]{2}"
# Rules whose missed deadlines a specific pass proposes (the specific kind
# wins over "deadline"): the delay notice (AUD-CTR-02) and the PM's report on
# a late collection (AUD-CTR-03). The Audit Dept's own deadlines (AUD-) are
# not proposed to itself.
DELAY_RULE = "PRJ-TRK-05"
INTERNAL_DELAY_RULE = "PRJ-TRK-06"
COLLECTION_RULE = REPORT_DEADLINE
SPECIFIC_RULES = (DELAY_RULE, INTERNAL_DELAY_RULE, COLLECTION_RULE)
# An unsigned document sent, printed or distributed (AUD-CTR-04).
VIOLATION_RULE = "ORG-RULE-05"
# Notice states in which a 《项目执行情况通知单》 was given.
GIVEN_NOTICE_STATES = ("submitted", "done")
# Proposals are written by batches of this size.
BATCH_SIZE = 2000
# The queue's proposals are written without the mail thread's work on
# create (a "created" note, followers, auto-subscription, tracking): the
# fact and its date are the record, and a daily run may write thousands.
# Only these inserts carry it; the decisions on a proposal are tracked.
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class ScmAuditProposal(models.Model):
    """Automatic detection (AUD-CTR-02..04): what the other addons recorded,
    proposed once each in the work queue.

    - "deadline": every missed deadline of every chapter (open and past due,
      or met late), by rule and person;
    - "delay_notice": a plan milestone overdue without a 《项目执行情况通知单》
      given at least 2 days before its planned end (PRJ-TRK-05/06);
    - "collection": an overdue collection without the PM's report within
      1 day (PRJ-TRK-09);
    - "violation": the procedure-violation log (ORG-RULE-05).

    Every pass reads in one query what is not yet in the queue (the known
    fact keys excluded in SQL), so that a run costs a few queries per pass
    and time linear in the open deadlines (bench/audit_detection.py)."""

    _inherit = "scm.audit.proposal"

    # -- entry points --------------------------------------------------------------
    def action_scm_detect(self):
        """Detect Now (the Audit Dept's button on the work queue)."""
        counts = self._scm_detect()
        total = sum(counts.values())
        labels = dict(self._fields["kind"]._description_selection(self.env))
        detail = ", ".join(
            f"{labels.get(kind, kind)}: {count}" for kind, count in counts.items()
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Detection"),
                "message": _(
                    "%(count)s new proposals (%(detail)s).",
                    count=total,
                    detail=detail,
                )
                if total
                else _("Nothing new to propose."),
                "type": "success" if total else "info",
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_scm_detect(self):
        """Daily: the detection, as the system."""
        return self.sudo()._scm_detect()

    @api.model
    def _scm_detect(self):
        """Propose every fact not yet in the queue; returns {kind: number of
        new proposals}. The Audit Dept and the Supervision Center only."""
        self._scm_check_auditor(_("run the detection of the work queue"))
        proposal = self.sudo().with_context(**QUIET)
        proposal.env.flush_all()
        counts = {}
        for kind, passe in (
            ("collection", proposal._scm_detect_collections),
            ("delay_notice", proposal._scm_detect_delay_notices),
            ("violation", proposal._scm_detect_violations),
            ("deadline", proposal._scm_detect_deadlines),
        ):
            vals_list = passe()
            created = 0
            for start in range(0, len(vals_list), BATCH_SIZE):
                created += len(
                    proposal._scm_propose(vals_list[start : start + BATCH_SIZE])
                )
                proposal.env.flush_all()
                proposal.env.invalidate_all()
            counts[kind] = created
        _logger.info("audit detection: %s", counts)
        return counts

    # -- helpers ---------------------------------------------------------------------
    def _scm_rows(self, query):
        self.env.cr.execute(query)
        return self.env.cr.dictfetchall()

    @api.model
    def _scm_unknown_key(self, key_sql):
        """SQL: the fact key `key_sql` is not in the queue yet."""
        return SQL(
            "NOT EXISTS (SELECT 1 FROM scm_audit_proposal p WHERE p.fact_key = %s)",
            key_sql,
        )

    @api.model
    def _scm_overdue_deadline_sql(self, alias="d"):
        """SQL: the deadline is open and past due, or was met late."""
        return SQL(
            "((%(a)s.state = 'open' AND %(a)s.due_date < %(now)s)"
            " OR (%(a)s.state = 'done' AND %(a)s.done_late))",
            a=SQL.identifier(alias),
            now=fields.Datetime.now(),
        )

    @api.model
    def _scm_existing_documents(self, rows):
        """{(model, id)} of the rows' documents that still exist: one query
        per model, so that a proposal names no deleted record as evidence
        (a finding's evidence must exist)."""
        by_model = {}
        for row in rows:
            if row["res_model"] in self.env and row["res_id"]:
                by_model.setdefault(row["res_model"], set()).add(row["res_id"])
        existing = set()
        for model, ids in by_model.items():
            records = self.env[model].sudo().with_context(active_test=False)
            existing.update((model, rid) for rid in records.browse(ids).exists().ids)
        return existing

    @api.model
    def _scm_evidence(self, row, existing):
        """res_model, res_id and res_name of a row's document."""
        if (row["res_model"], row["res_id"]) in existing:
            return {
                "res_model": row["res_model"],
                "res_id": row["res_id"],
                "res_name": row["res_name"],
            }
        return {"res_model": False, "res_id": 0, "res_name": row["res_name"]}

    # -- missed deadlines of every chapter ---------------------------------------------
    @api.model
    def _scm_detect_deadlines(self):
        """Missed deadlines by rule and person: the deadline's rule, person,
        branch and document. One query."""
        rows = self._scm_rows(
            SQL(
                """
                SELECT d.id, d.name, d.rule_code, r.rule_id, d.user_id,
                       d.company_id, d.res_model, d.res_id,
                       COALESCE(d.res_name, d.name) AS res_name, d.due_date,
                       d.state, d.done_date
                  FROM scm_deadline d
                 CROSS JOIN LATERAL (
                       SELECT substring(d.rule_code FROM %(pattern)s) AS rule_id
                       ) r
                 WHERE d.rule_code IS NOT NULL
                   AND %(overdue)s
                   AND r.rule_id IS NOT NULL
                   AND left(r.rule_id, 4) != 'AUD-'
                   AND NOT (r.rule_id = ANY(%(specific)s))
                   AND %(unknown)s
                 ORDER BY d.id
                """,
                pattern=RULE_ID_PATTERN,
                overdue=self._scm_overdue_deadline_sql("d"),
                specific=list(SPECIFIC_RULES),
                unknown=self._scm_unknown_key(
                    SQL("'deadline:' || d.id::text"),
                ),
            )
        )
        existing = self._scm_existing_documents(rows)
        vals_list = []
        for row in rows:
            due = fields.Datetime.to_string(row["due_date"])
            if row["state"] == "open":
                description = _(
                    "%(rule)s: %(name)s (%(doc)s) was due on %(due)s and is still "
                    "open.",
                    rule=row["rule_code"],
                    name=row["name"],
                    doc=row["res_name"],
                    due=due,
                )
            else:
                description = _(
                    "%(rule)s: %(name)s (%(doc)s) was due on %(due)s and was met "
                    "late, on %(done)s.",
                    rule=row["rule_code"],
                    name=row["name"],
                    doc=row["res_name"],
                    due=due,
                    done=fields.Datetime.to_string(row["done_date"]),
                )
            vals_list.append(
                {
                    "name": _("Missed deadline: %(name)s", name=row["name"]),
                    "kind": "deadline",
                    "fact_key": f"deadline:{row['id']}",
                    "fact_date": row["due_date"],
                    "description": description,
                    "rule_code": row["rule_id"],
                    "user_id": row["user_id"],
                    "company_id": row["company_id"],
                    "proposed_level": "1",
                    **self._scm_evidence(row, existing),
                }
            )
        return vals_list

    # -- plan milestones without a timely delay notice (AUD-CTR-02) --------------------
    @api.model
    def _scm_detect_delay_notices(self):
        """A line of an issued plan (a milestone of the overall, requirement,
        software or QC plan, or of the schedule) past its planned end, or
        finished after it, without a 《项目执行情况通知单》 given at least 2
        calendar days before that end; or whose end a notice moved later
        while given less than 2 days before it. One fact per line and
        planned end: a new end missed again is a new fact."""
        today = fields.Date.context_today(self)
        rows = self._scm_rows(
            SQL(
                """
                WITH milestone AS (
                    SELECT t.id AS task_id, t.scm_planned_end AS planned_end,
                           NULL::integer AS line_id
                      FROM project_task t
                      JOIN scm_project_plan pl ON pl.id = t.scm_plan_id
                      JOIN project_project pr ON pr.id = t.project_id
                     WHERE pl.state = ANY(%(issued)s)
                       AND t.active
                       AND t.scm_planned_end IS NOT NULL
                       AND pr.scm_phase IS DISTINCT FROM 'cancelled'
                       AND ((t.scm_actual_end IS NULL
                             AND t.scm_planned_end < %(today)s)
                            OR t.scm_actual_end > t.scm_planned_end)
                       AND NOT EXISTS (
                           SELECT 1
                             FROM scm_project_delay_notice_line l
                             JOIN scm_project_delay_notice n ON n.id = l.notice_id
                            WHERE l.task_id = t.id
                              AND n.state = ANY(%(given)s)
                              AND l.old_planned_end = t.scm_planned_end
                              AND n.notice_date <= t.scm_planned_end - %(days)s)
                    UNION ALL
                    SELECT l.task_id, l.old_planned_end, l.id
                      FROM scm_project_delay_notice_line l
                      JOIN scm_project_delay_notice n ON n.id = l.notice_id
                     WHERE n.state = ANY(%(given)s)
                       AND l.old_planned_end IS NOT NULL
                       AND n.notice_date > l.old_planned_end - %(days)s
                       AND l.new_planned_end > l.old_planned_end
                )
                SELECT DISTINCT ON (m.task_id, m.planned_end)
                       m.task_id, m.planned_end, m.line_id,
                       'plan_line:' || m.task_id::text || ':'
                           || to_char(m.planned_end, 'YYYY-MM-DD') AS fact_key
                  FROM milestone m
                 WHERE %(unknown)s
                 ORDER BY m.task_id, m.planned_end, m.line_id NULLS LAST
                """,
                issued=list(ISSUED_STATES),
                given=list(GIVEN_NOTICE_STATES),
                today=today,
                days=NOTICE_DAYS,
                unknown=self._scm_unknown_key(
                    SQL(
                        "'plan_line:' || m.task_id::text || ':' "
                        "|| to_char(m.planned_end, 'YYYY-MM-DD')"
                    )
                ),
            )
        )
        if not rows:
            return []
        tasks = self.env["project.task"].sudo().browse([row["task_id"] for row in rows])
        lines = (
            self.env["scm.project.delay.notice.line"]
            .sudo()
            .browse([row["line_id"] for row in rows if row["line_id"]])
        )
        vals_list = []
        for row in rows:
            task = tasks.browse(row["task_id"]).with_prefetch(tasks._prefetch_ids)
            line = (
                lines.browse(row["line_id"]).with_prefetch(lines._prefetch_ids)
                if row["line_id"]
                else lines.browse()
            )
            person = task._scm_responsible_manager()
            if not person:
                continue
            company, department = self._scm_plan_line_unit(task)
            plan = task.scm_plan_id
            if line:
                notice = line.notice_id
                description = _(
                    "%(task)s of %(plan)s (%(project)s) was planned to end on "
                    "%(end)s; the Project Execution Status Notice %(notice)s was "
                    "given on %(date)s, %(days)s days before (at least %(min)s "
                    "are due).",
                    task=task.name,
                    plan=plan.display_name,
                    project=task.project_id.display_name,
                    end=row["planned_end"],
                    notice=notice.name,
                    date=notice.notice_date,
                    days=line.days_notice,
                    min=NOTICE_DAYS,
                )
                rule = DELAY_RULE if notice.scope == "external" else INTERNAL_DELAY_RULE
                evidence = notice
            else:
                description = _(
                    "%(task)s of %(plan)s (%(project)s) was planned to end on "
                    "%(end)s and is behind plan, without a Project Execution "
                    "Status Notice given %(min)s days beforehand.",
                    task=task.name,
                    plan=plan.display_name,
                    project=task.project_id.display_name,
                    end=row["planned_end"],
                    min=NOTICE_DAYS,
                )
                rule = DELAY_RULE
                evidence = task
            vals_list.append(
                {
                    "name": _(
                        "Plan milestone overdue without a timely delay notice: "
                        "%(task)s",
                        task=task.name,
                    ),
                    "kind": "delay_notice",
                    "fact_key": row["fact_key"],
                    "fact_date": fields.Datetime.to_datetime(row["planned_end"]),
                    "description": description,
                    "rule_code": rule,
                    "user_id": person.id,
                    "company_id": company.id,
                    "department_id": department.id,
                    "proposed_level": "1",
                    "res_model": evidence._name,
                    "res_id": evidence.id,
                    "res_name": evidence.display_name,
                }
            )
        return vals_list

    @api.model
    def _scm_plan_line_unit(self, task):
        """The audited unit of a plan line: the HQ department that owes it
        (MRD, the Software Dept, the QC Dept, MCD), else the project's
        branch."""
        unit = (
            task.scm_responsible_department_id
            or task.scm_plan_id.preparer_department_id
        )
        if unit and unit.company_id and unit.company_id.scm_unit_type == "hq":
            return unit.company_id, unit
        return task.project_id.company_id, self.env["hr.department"]

    # -- overdue collections without the PM's report (AUD-CTR-03) ----------------------
    @api.model
    def _scm_detect_collections(self):
        """An overdue collection without the PM's report within 1 day: a
        Payment Reminder Notice whose report deadline (PRJ-TRK-09) passed or
        was met late, and an overdue payment milestone of a customer project
        more than a day past due whose PM gave no report within a day of the
        due date and which Finance did not remind within that day either
        (then PRJ-TRK-09 governs: the reminder's report deadline)."""
        return self._scm_detect_reminders() + self._scm_detect_unreported_payments()

    @api.model
    def _scm_detect_reminders(self):
        rows = self._scm_rows(
            SQL(
                """
                SELECT d.id, d.res_id, d.user_id, d.company_id, d.due_date,
                       d.state, d.done_date
                  FROM scm_deadline d
                 WHERE d.rule_code = %(code)s
                   AND d.res_model = 'scm.project.payment.reminder'
                   AND %(overdue)s
                   AND %(unknown)s
                 ORDER BY d.id
                """,
                code=COLLECTION_RULE,
                overdue=self._scm_overdue_deadline_sql("d"),
                unknown=self._scm_unknown_key(
                    SQL("'collection:reminder:' || d.res_id::text")
                ),
            )
        )
        if not rows:
            return []
        reminders = (
            self.env["scm.project.payment.reminder"]
            .sudo()
            .browse([row["res_id"] for row in rows])
        )
        vals_list, seen = [], set()
        for row in rows:
            if row["res_id"] in seen:
                continue
            seen.add(row["res_id"])
            reminder = reminders.browse(row["res_id"]).with_prefetch(
                reminders._prefetch_ids
            )
            if not reminder.exists():
                continue
            milestone = reminder.milestone_id
            person = reminder.pm_id.id or row["user_id"]
            due = fields.Datetime.to_string(row["due_date"])
            if row["state"] == "open":
                description = _(
                    "Payment reminder %(doc)s on %(payment)s (%(amount)s "
                    "outstanding since %(since)s): the PM's written report was "
                    "due within 1 day, by %(due)s, and was not given.",
                    doc=reminder.name,
                    payment=milestone.display_name,
                    amount=milestone.amount_outstanding,
                    since=milestone.due_date,
                    due=due,
                )
            else:
                description = _(
                    "Payment reminder %(doc)s on %(payment)s: the PM's written "
                    "report was due within 1 day, by %(due)s, and was given late, "
                    "on %(done)s.",
                    doc=reminder.name,
                    payment=milestone.display_name,
                    due=due,
                    done=fields.Datetime.to_string(row["done_date"]),
                )
            vals_list.append(
                {
                    "name": _(
                        "Overdue collection without the PM's report: %(payment)s",
                        payment=milestone.display_name,
                    ),
                    "kind": "collection",
                    "fact_key": f"collection:reminder:{reminder.id}",
                    "fact_date": row["due_date"],
                    "description": description,
                    "rule_code": COLLECTION_RULE,
                    "user_id": person,
                    "company_id": row["company_id"] or reminder.company_id.id,
                    "proposed_level": "1",
                    "res_model": reminder._name,
                    "res_id": reminder.id,
                    "res_name": reminder.display_name,
                }
            )
        return vals_list

    @api.model
    def _scm_detect_unreported_payments(self):
        limit = fields.Date.context_today(self) - timedelta(days=1)
        rows = self._scm_rows(
            SQL(
                """
                SELECT DISTINCT ON (m.id) m.id, m.due_date, pr.id AS project_id,
                       pr.user_id, pr.company_id
                  FROM scm_contract_milestone m
                  JOIN project_project pr ON pr.scm_contract_id = m.contract_id
                 WHERE m.in_force
                   AND m.amount_outstanding > 0
                   AND m.due_date < %(limit)s
                   AND pr.user_id IS NOT NULL
                   AND pr.scm_phase IS DISTINCT FROM 'closed'
                   AND pr.scm_phase IS DISTINCT FROM 'cancelled'
                   AND NOT EXISTS (
                       SELECT 1 FROM scm_project_payment_reminder r
                        WHERE r.milestone_id = m.id
                          AND ((r.issued_date AT TIME ZONE 'UTC'
                                AT TIME ZONE %(tz)s)::date <= m.due_date + 1
                               OR (r.reported_date AT TIME ZONE 'UTC'
                                   AT TIME ZONE %(tz)s)::date <= m.due_date + 1))
                   AND %(unknown)s
                 ORDER BY m.id, pr.id
                """,
                limit=limit,
                # The reminder's day in China, where the due date is one.
                tz=self.env["scm.workday"]._tz().zone,
                unknown=self._scm_unknown_key(
                    SQL("'collection:milestone:' || m.id::text")
                ),
            )
        )
        if not rows:
            return []
        milestones = (
            self.env["scm.contract.milestone"]
            .sudo()
            .browse([row["id"] for row in rows])
        )
        projects = (
            self.env["project.project"]
            .sudo()
            .browse([row["project_id"] for row in rows])
        )
        vals_list = []
        for row in rows:
            milestone = milestones.browse(row["id"]).with_prefetch(
                milestones._prefetch_ids
            )
            project = projects.browse(row["project_id"]).with_prefetch(
                projects._prefetch_ids
            )
            vals_list.append(
                {
                    "name": _(
                        "Overdue collection without the PM's report: %(payment)s",
                        payment=milestone.display_name,
                    ),
                    "kind": "collection",
                    "fact_key": f"collection:milestone:{milestone.id}",
                    "fact_date": fields.Datetime.to_datetime(row["due_date"]),
                    "description": _(
                        "%(payment)s of %(project)s fell due on %(due)s; "
                        "%(amount)s is outstanding and the PM gave no written "
                        "report on the late collection within 1 day.",
                        payment=milestone.display_name,
                        project=project.display_name,
                        due=row["due_date"],
                        amount=milestone.amount_outstanding,
                    ),
                    "rule_code": COLLECTION_RULE,
                    "user_id": row["user_id"],
                    "company_id": row["company_id"],
                    "proposed_level": "1",
                    "res_model": project._name,
                    "res_id": project.id,
                    "res_name": project.display_name,
                }
            )
        return vals_list

    # -- procedure violations (AUD-CTR-04, ORG-RULE-05) --------------------------------
    @api.model
    def _scm_detect_violations(self):
        """The procedure-violation log: each attempt (an unsigned document
        sent, printed or distributed), against who made it. One query."""
        rows = self._scm_rows(
            SQL(
                """
                SELECT v.id, v.date, v.user_id,
                       COALESCE(v.company_id, u.company_id) AS company_id,
                       v.res_model, v.res_id, v.res_name, v.action, v.reason
                  FROM scm_procedure_violation v
                  JOIN res_users u ON u.id = v.user_id
                 WHERE v.user_id != %(system)s
                   AND %(unknown)s
                 ORDER BY v.id
                """,
                system=SUPERUSER_ID,
                unknown=self._scm_unknown_key(SQL("'violation:' || v.id::text")),
            )
        )
        existing = self._scm_existing_documents(rows)
        vals_list = []
        for row in rows:
            document = row["res_name"] or row["res_model"] or ""
            vals_list.append(
                {
                    "name": _(
                        "Procedure violation: %(action)s %(doc)s",
                        action=row["action"] or "",
                        doc=document,
                    ),
                    "kind": "violation",
                    "fact_key": f"violation:{row['id']}",
                    "fact_date": row["date"],
                    "description": _(
                        "%(action)s of %(doc)s was attempted on %(date)s: %(reason)s",
                        action=row["action"] or "",
                        doc=document,
                        date=fields.Datetime.to_string(row["date"]),
                        reason=row["reason"] or "",
                    ),
                    "rule_code": VIOLATION_RULE,
                    "user_id": row["user_id"],
                    "company_id": row["company_id"],
                    "proposed_level": "1",
                    **self._scm_evidence(row, existing),
                }
            )
        return vals_list
