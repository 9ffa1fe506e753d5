# core: the project of a contract, its team, customer signatures
from . import scm_project_customer_sign_mixin
from . import scm_project_document_mixin

# project.project: one class for every area's fields and steps (each area's
# section in the file), so that an override is one method, not a chain
from . import project_project
from . import project_milestone
from . import scm_project_member
from . import scm_contract
from . import scm_contract_milestone
from . import scm_dev_work

# [areas] each area appends its own imports below
# closing: acceptance, collection, handover, closing (PRJ-SC-08/09,
# PRJ-TRK-08/09/11, PRJ-HAND-01..03, SUP-EPM-04)
from . import closing_project_acceptance
from . import closing_payment_reminder
from . import closing_project_handover
from . import closing_project_handover_line
from . import closing_project_closing
from . import closing_project_closing_line

# runin: run-in faults, suggestions, needs, free reports, monitoring, training
from . import runin_priority_mixin
from . import runin_fault
from . import runin_suggestion
from . import runin_need
from . import runin_report_request
from . import runin_monitoring
from . import runin_issue
from . import runin_training
from . import runin_training_session
from . import runin_operator_assessment
from . import runin_operator_assessment_line
from . import runin_report_operator_certificate
from . import runin_report_enterprise_certificate

# network: technical service, network engineering, discs
from . import network_equipment
from . import network_equipment_signoff
from . import network_equipment_change
from . import network_equipment_change_line
from . import network_work_order
from . import network_disc_request

# kickoff: kick-off, research materials, meetings and minutes, baselines
from . import kickoff_kickoff
from . import kickoff_meeting
from . import kickoff_meeting_item
from . import kickoff_research_material
from . import kickoff_baseline

# initiation: the initiation notice, coordination requests, team changes,
# the execution status sheet (PRJ-INIT-01..05, PRJ-TRK-01/02/04/10, SUP-EPM-03)
from . import scm_project_initiation
from . import scm_project_coordination
from . import scm_project_member_change
from . import scm_project_execution_sheet
from . import initiation_project_member

# elements
from . import elements_element
from . import elements_supplement_request
from . import elements_memorandum
from . import elements_init_checklist
from . import elements_init_checklist_line

# plans: the four plans and the schedule, delay notices, plan vs actual
from . import plans_project_plan
from . import plans_delay_notice
from . import plans_delay_notice_line
from . import project_task
from . import plans_scm_assessment_entry

# brand: brand operation projects (PRJ-BRD-01..09)
from . import brand_stage_template
from . import brand_brand_project
from . import brand_coop_agreement
from . import brand_stage
from . import brand_stage_step
from . import brand_acceptance
from . import brand_feedback_survey
from . import brand_deliverable

# devagr: the analysis report and its argumentation, the system analysis
# report, the development agreement, memoranda, execution sheet, QC report
# and the requirement side's acceptance (PRJ-DEV-07..15)
from . import devagr_document_mixin
from . import devagr_analysis
from . import devagr_system_analysis
from . import devagr_agreement
from . import devagr_agreement_memo
from . import devagr_agreement_execution
from . import devagr_qc_report

# devreq: the development plan, the requirement work (plans, research,
# member plans), a contract project's requirement sources (PRJ-DEV-01..07,
# PRJ-UPG-01..03, PRJ-SC-02/04, PRJ-SEC-02/03, SUP-REQ-01..03)
from . import devreq_document_mixin
from . import devreq_dev_plan
from . import scm_dev_work_steps
from . import devreq_req_plan
from . import devreq_unit_plan
from . import devreq_research_report
from . import devreq_member_plan
from . import devreq_gap_list
from . import devreq_gap_line
from . import devreq_requirement_template
from . import devreq_requirement_report
from . import devreq_requirement_change
from . import devreq_runin_need
