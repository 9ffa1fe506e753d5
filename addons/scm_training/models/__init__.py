from . import hr_course_schedule
from . import scm_training_session

# [areas]
from . import scm_training_method
from . import scm_training_handout
from . import scm_training_session_step_wizard
