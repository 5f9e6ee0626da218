# SPDX-License-Identifier: EUPL-1.2

import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0002_privacy_email'),
        ('rights', '0004_inspection_withholding'),
    ]

    operations = [
        migrations.AlterField(
            model_name='subjectrequest',
            name='refusal_ground',
            field=models.CharField(blank=True, choices=[('accurate', 'The data is correct, complete, relevant and lawfully processed'), ('protect-subject', 'Refusing is needed to protect the data subject'), ('protect-others', 'Refusing is needed to protect the rights and freedoms of others'), ('legal-duty', 'A statutory duty opposes it (e.g. a retention period)'), ('compelling-grounds', "Compelling legitimate grounds for the processing override the subject's interests")], max_length=20, verbose_name='ground for refusal'),
        ),
        migrations.CreateModel(
            name='RequestReminder',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('day', models.DateField()),
                ('reason', models.CharField(choices=[('overdue', 'Overdue'), ('due-this-week', 'Due within a week'), ('paused', 'Waiting for the requester for long')], max_length=20)),
                ('due_on', models.DateField()),
                ('days', models.IntegerField()),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('last_error', models.CharField(blank=True, max_length=500)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('employee', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='partners.employee')),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='rights.subjectrequest')),
            ],
            options={
                'indexes': [models.Index(fields=['employee', 'day'], name='reminders_of_a_day')],
                'constraints': [models.UniqueConstraint(fields=('request', 'employee', 'day'), name='one_reminder_a_day')],
            },
        ),
    ]
