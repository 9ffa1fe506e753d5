from . import hr_course_schedule
from . import scm_training_session

# [areas]
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
