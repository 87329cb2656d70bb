import type { INodeProperties } from 'n8n-workflow';

import * as bookAppointment from './bookAppointment';
import * as cancelAppointment from './cancelAppointment';
import * as deleteAppointment from './deleteAppointment';
import * as getAppointment from './getAppointment';
import * as getFreeSlots from './getFreeSlots';
import * as updateAppointment from './updateAppointment';

export { bookAppointment, cancelAppointment, deleteAppointment, getAppointment, getFreeSlots, updateAppointment };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendar'] } },
		options: [
			{
				name: 'Book Appointment',
				value: 'bookAppointment',
				action: 'Book an appointment in a calendar',
				description: 'Book a contact into a calendar at a given time',
			},
			{
				name: 'Cancel Appointment',
				value: 'cancelAppointment',
				action: 'Cancel an appointment in a calendar',
				description: 'Set an appointment\'s status to cancelled (the record stays; the slot becomes free)',
			},
			{
				name: 'Delete Appointment',
				value: 'deleteAppointment',
				action: 'Delete an appointment from a calendar',
				description: 'Remove an appointment from the calendar for good',
			},
			{ name: 'Get Appointment', value: 'getAppointment', action: 'Get an appointment from a calendar', description: 'Get one appointment' },
			{
				name: 'Get Free Slots',
				value: 'getFreeSlots',
				action: 'Get the free slots of a calendar',
				description: 'List the times a calendar can still be booked, one item per slot',
			},
			{
				name: 'Update Appointment',
				value: 'updateAppointment',
				action: 'Reschedule or update an appointment in a calendar',
				description: 'Move an appointment to another time, or change its status, title, assignee or location',
			},
		],
		default: 'getFreeSlots',
	},
	...bookAppointment.description,
	...cancelAppointment.description,
	...deleteAppointment.description,
	...getAppointment.description,
	...getFreeSlots.description,
	...updateAppointment.description,
];
