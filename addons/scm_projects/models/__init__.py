# core: the project of a contract, its team, customer signatures
from . import scm_project_customer_sign_mixin
from . import scm_project_document_mixin
from . import project_project
from . import project_task
from . import project_milestone
from . import scm_project_member
from . import scm_contract
from . import scm_contract_milestone

# [areas] each area appends its own imports below
# initiation: the initiation notice, coordination requests, team changes,
# the execution status sheet (PRJ-INIT-01..05, PRJ-TRK-01/02/04/10, SUP-EPM-03)
from . import scm_project_initiation
from . import scm_project_coordination
from . import scm_project_member_change
from . import scm_project_execution_sheet
from . import initiation_project_project
from . import initiation_project_member
