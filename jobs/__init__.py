"""Process plumbing around the domain: the SMTP mailer, the development mail catcher, the job
registry, leader election and the APScheduler set-up. No business rules live here."""
