from . import hr_course_schedule
from . import scm_training_session

# [areas]
from . import scm_training_session_document
from . import scm_training_method
from . import scm_training_handout
from . import scm_training_session_step_wizard
from . import scm_training_unit_mixin
from . import scm_training_plan
from . import scm_training_plan_line
from . import scm_training_support_request
from . import scm_training_specialist
from . import scm_training_equipment_checklist
from . import scm_training_equipment_line
from . import scm_training_incentive_policy
from . import scm_training_need
from . import scm_training_five_haves_report
from . import scm_training_weekly_gap_report

# [evaluation]
from . import hr_employee_evaluation
from . import scm_training_session_evaluation
from . import scm_training_evaluation_criterion
from . import scm_training_evaluation
from . import scm_training_evaluation_line
from . import scm_training_exam
from . import scm_training_exam_result
from . import scm_training_summary
from . import scm_training_summary_review
