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
# kickoff: kick-off, research materials, meetings and minutes, baselines
from . import kickoff_kickoff
from . import kickoff_meeting
from . import kickoff_meeting_item
from . import kickoff_research_material
from . import kickoff_baseline
from . import kickoff_project
